package org.carebook.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/** The string literals a compiled class holds, read from its bytecode: what the source spelled out. */
public final class StringConstants {

    private StringConstants() {}

    public static Set<String> of(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            var found = new HashSet<String>();
            new ClassReader(in.readAllBytes()).accept(new Collector(found), ClassReader.SKIP_DEBUG);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Collector extends ClassVisitor {

        private final Set<String> found;

        Collector(Set<String> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (value instanceof String text) {
                found.add(text);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String text) {
                        found.add(text);
                    }
                }

                /** {@code path + "first_name"} compiles to a recipe with the literal parts between \u0001 marks. */
                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
                    for (Object arg : args) {
                        if (arg instanceof String recipe) {
                            for (String part : recipe.split("[\\u0001\\u0002]")) {
                                if (!part.isEmpty()) {
                                    found.add(part);
                                }
                            }
                        }
                    }
                }
            };
        }
    }
}
