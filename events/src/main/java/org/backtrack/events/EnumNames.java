package org.backtrack.events;

import java.util.Optional;

/** The one lookup of a value of the vocabulary by the name the contract spells it with; empty, never an exception. */
public final class EnumNames {

    private EnumNames() {
    }

    /** The constant of exactly this name; empty for anything else, null included. */
    public static <E extends Enum<E>> Optional<E> exactly(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The constant of this name in any case ({@code open} for {@code OPEN}); empty for anything else, null included. */
    public static <E extends Enum<E>> Optional<E> ignoringCase(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
