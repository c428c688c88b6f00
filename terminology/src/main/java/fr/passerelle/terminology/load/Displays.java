package fr.passerelle.terminology.load;

/** Repairs displays as published: stray leading, trailing and repeated whitespace (incl. no-break spaces). */
public final class Displays {

    private Displays() {
    }

    /** The display with blanks trimmed and inner runs of whitespace collapsed to one space; null stays null. */
    public static String normalise(String display) {
        if (display == null) {
            return null;
        }
        StringBuilder out = null;
        int len = display.length();
        boolean pendingSpace = false;
        for (int i = 0; i < len; i++) {
            char c = display.charAt(i);
            boolean blank = Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
            if (out == null) {
                boolean clean = !blank || (i > 0 && i < len - 1 && c == ' '
                        && !isBlank(display.charAt(i - 1)) && !isBlank(display.charAt(i + 1)));
                if (clean) {
                    continue;
                }
                out = new StringBuilder(len);
                String before = display.substring(0, i);
                out.append(before);
                pendingSpace = !before.isEmpty();
                continue;
            }
            if (blank) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out == null ? display : out.toString();
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }
}
