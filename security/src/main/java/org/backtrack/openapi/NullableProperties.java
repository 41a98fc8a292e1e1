package org.backtrack.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A property of a boxed primitive or an enum type may be null in what BackTrack answers (its records use {@code int}
 * where a value is always there, {@code Integer} where it may be absent, and the JSON carries that null), so the
 * document says so: {@code "null"} joins its types (and its enum values) as OpenAPI 3.1 spells it.
 */
public final class NullableProperties implements PropertyCustomizer {

    private static final Set<Class<?>> BOXED = Set.of(Integer.class, Long.class, Short.class, Byte.class, Double.class,
            Float.class, Boolean.class, Character.class);

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        Class<?> raw = rawClass(type.getType());
        if (property == null || raw == null || property.get$ref() != null || !(BOXED.contains(raw) || raw.isEnum())) {
            return property;
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty() && !property.getTypes().contains("null")) {
            property.addType("null");
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        return type instanceof Class<?> c ? c : null;
    }
}
