package org.synfire.chip.api.network;

/** Range checks with messages that name where, what, the value and the allowed range. */
public final class Check {

    private Check() {
    }

    /** Requires {@code min <= value <= max}. */
    public static int range(String where, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(where + ": " + field + " " + value + " is out of range "
                    + min + ".." + max);
        }
        return value;
    }

    /** Requires a name: letters, digits and the characters {@code _ - < > + .}, not empty. */
    public static String name(String what, String name) {
        if (name == null || !name.matches("[A-Za-z0-9_<>+./:\\-]+")) {
            throw new IllegalArgumentException(what + " name '" + name
                    + "' is not valid: expected letters, digits and _ - < > + . / : (not empty)");
        }
        return name;
    }
}
