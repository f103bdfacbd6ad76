//! Tests of the offer-file reader.
