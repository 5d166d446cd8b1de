package dev.complianceharness.governance.internal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Handle;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Label;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ArchUnit's model does not show but the governance rules need: whether a method body is trivial
 * ({@code return;} or {@code return true;}), and lambdas that implement {@code HostnameVerifier} (weak
 * digests, which need every class at once, are {@link WeakDigestFlow}'s). Read from the class file with
 * the ASM copy that ArchUnit ships, so no further dependency is needed.
 */
public final class BytecodeFacts {

    /**
     * A lambda or method reference that implements an interface, created in a method.
     *
     * @param method             the creating method's name
     * @param descriptor         the creating method's descriptor
     * @param implementedType    the functional interface, for example {@code javax.net.ssl.HostnameVerifier}
     * @param implementationName the name of the method in this class that holds the lambda's body
     * @param implementationDesc its descriptor
     * @param line               the source line, 0 when unknown
     */
    public record LambdaCreation(String method, String descriptor, String implementedType, String implementationName,
                                 String implementationDesc, int line) {
    }

    /** A trivial body. */
    public enum Body {
        /** {@code return;} and nothing else. */
        RETURNS_NOTHING,
        /** {@code return true;} and nothing else. */
        RETURNS_TRUE,
        /** Anything else. */
        OTHER
    }

    private final List<LambdaCreation> lambdas = new ArrayList<>();
    private final Map<String, Body> bodies = new HashMap<>();
    private final Map<String, Integer> firstLines = new HashMap<>();

    private BytecodeFacts() {
    }

    /**
     * Reads a class's facts from its class file.
     *
     * @param javaClass the class
     * @return its facts; empty when ArchUnit knows no class file for it
     */
    public static Optional<BytecodeFacts> of(JavaClass javaClass) {
        Optional<Source> source = javaClass.getSource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = source.get().getUri().toURL().openStream()) {
            BytecodeFacts facts = new BytecodeFacts();
            new ClassReader(in).accept(facts.new Reader(), ClassReader.SKIP_FRAMES);
            return Optional.of(facts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class file of " + javaClass.getName() + " from "
                    + source.get().getUri(), e);
        }
    }

    /** @return the lambdas and method references created in this class */
    public List<LambdaCreation> lambdas() {
        return List.copyOf(lambdas);
    }

    /**
     * How trivial a method's body is.
     *
     * @param name       the method's name
     * @param descriptor its descriptor
     * @return the body's kind; {@link Body#OTHER} for unknown or abstract methods
     */
    public Body body(String name, String descriptor) {
        return bodies.getOrDefault(name + descriptor, Body.OTHER);
    }

    /**
     * The first source line of a method.
     *
     * @param name       the method's name
     * @param descriptor its descriptor
     * @return the line; 0 when the class file has no line numbers
     */
    public int firstLine(String name, String descriptor) {
        return firstLines.getOrDefault(name + descriptor, 0);
    }

    private final class Reader extends ClassVisitor {

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private final List<Integer> opcodes = new ArrayList<>();
                private int line;
                private int firstLine;

                @Override
                public void visitLineNumber(int lineNumber, Label start) {
                    line = lineNumber;
                    if (firstLine == 0) {
                        firstLine = lineNumber;
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    opcodes.add(opcode);
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    opcodes.add(opcode);
                }

                @Override
                public void visitVarInsn(int opcode, int variable) {
                    opcodes.add(opcode);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    opcodes.add(opcode);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                    opcodes.add(opcode);
                }

                @Override
                public void visitJumpInsn(int opcode, Label label) {
                    opcodes.add(opcode);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    opcodes.add(Opcodes.LDC);
                }

                @Override
                public void visitIincInsn(int variable, int increment) {
                    opcodes.add(Opcodes.IINC);
                }

                @Override
                public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                    opcodes.add(Opcodes.TABLESWITCH);
                }

                @Override
                public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                    opcodes.add(Opcodes.LOOKUPSWITCH);
                }

                @Override
                public void visitMultiANewArrayInsn(String type, int dimensions) {
                    opcodes.add(Opcodes.MULTIANEWARRAY);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
                                            boolean isInterface) {
                    opcodes.add(opcode);
                }

                @Override
                public void visitInvokeDynamicInsn(String methodName, String methodDescriptor, Handle bootstrap,
                                                   Object... arguments) {
                    opcodes.add(Opcodes.INVOKEDYNAMIC);
                    if (bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory") && arguments.length > 1
                            && arguments[1] instanceof Handle implementation) {
                        String returned = methodDescriptor.substring(methodDescriptor.indexOf(')') + 1);
                        if (returned.startsWith("L") && returned.endsWith(";")) {
                            lambdas.add(new LambdaCreation(name, descriptor,
                                    returned.substring(1, returned.length() - 1).replace('/', '.'),
                                    implementation.getName(), implementation.getDesc(), line));
                        }
                    }
                }

                @Override
                public void visitEnd() {
                    bodies.put(name + descriptor, opcodes.equals(List.of(Opcodes.RETURN)) ? Body.RETURNS_NOTHING
                            : opcodes.equals(List.of(Opcodes.ICONST_1, Opcodes.IRETURN)) ? Body.RETURNS_TRUE : Body.OTHER);
                    firstLines.put(name + descriptor, firstLine);
                }
            };
        }
    }
}
