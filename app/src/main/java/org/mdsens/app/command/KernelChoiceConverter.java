package org.mdsens.app.command;

import org.mdsens.md.kernel.KernelChoice;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --kernel auto|scalar|vector} into {@link KernelChoice} (the string → enum step at the edge). */
public final class KernelChoiceConverter implements ITypeConverter<KernelChoice> {
    @Override
    public KernelChoice convert(String value) {
        try {
            return KernelChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
