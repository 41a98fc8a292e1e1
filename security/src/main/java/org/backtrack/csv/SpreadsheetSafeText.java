package org.backtrack.csv;

/**
 * Decides how a text goes into a CSV cell so that a spreadsheet shows it rather than runs it: a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is read as a formula by Excel, LibreOffice and
 * Google Sheets (CSV injection, OWASP), so such a text gets a leading apostrophe, which spreadsheets show as text. A
 * patient's notes or an id an integrator chose are the texts an attacker controls. Numbers and booleans are not texts
 * and are written as they are.
 */
public final class SpreadsheetSafeText {

    /** What a text cell may not start with. */
    static final String FORMULA_TRIGGERS = "=+-@\t\r";
    static final char ESCAPE = '\'';

    private SpreadsheetSafeText() {
    }

    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_TRIGGERS.indexOf(text.charAt(0)) >= 0 ? ESCAPE + text : text;
    }
}
