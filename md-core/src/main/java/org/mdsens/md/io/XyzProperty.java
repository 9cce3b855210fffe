package org.mdsens.md.io;

/**
 * One entry of an extended-XYZ {@code Properties=} declaration, e.g. {@code forces:R:3}: a per-atom
 * column group with a name, a type and a number of components.
 *
 * @param name       column name, non-empty, no colon or whitespace
 * @param type       value type
 * @param components number of consecutive columns (≥ 1)
 */
public record XyzProperty(String name, Type type, int components) {

    /** The four extended-XYZ value types. */
    public enum Type {
        /** {@code R}: real (double). */
        REAL('R'),
        /** {@code I}: integer. */
        INTEGER('I'),
        /** {@code S}: string. */
        STRING('S'),
        /** {@code L}: logical, written {@code T} or {@code F}. */
        LOGICAL('L');

        private final char letter;

        Type(char letter) { this.letter = letter; }

        /** The letter used in {@code Properties=}. */
        public char letter() { return letter; }

        /** The type of a {@code Properties=} letter, or null if there is none. */
        public static Type ofLetter(String letter) {
            for (Type t : values()) {
                if (letter.length() == 1 && letter.charAt(0) == t.letter) return t;
            }
            return null;
        }
    }

    public XyzProperty {
        if (name == null || name.isEmpty() || name.indexOf(':') >= 0 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("property name must be non-empty without ':' or whitespace, got '"
                    + name + "'");
        }
        if (type == null) throw new IllegalArgumentException("property type must not be null");
        if (components < 1) throw new IllegalArgumentException("property components must be >= 1, got " + components);
    }

    /** The {@code name:T:k} form used in {@code Properties=}. */
    @Override public String toString() {
        return name + ":" + type.letter + ":" + components;
    }
}
