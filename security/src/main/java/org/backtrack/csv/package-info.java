/**
 * CSV downloads of the services' lists: RFC 4180 text with a header row and the same fields as the JSON answer, each
 * cell safe to open in a spreadsheet.
 */
package org.backtrack.csv;
