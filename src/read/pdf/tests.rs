//! Tests of the PDF reader on PDFs built here.
