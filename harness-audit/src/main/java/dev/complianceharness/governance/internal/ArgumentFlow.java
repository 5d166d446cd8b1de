package dev.complianceharness.governance.internal;

import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.FieldVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Handle;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Label;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the arguments of a class's method calls come from, read from its class file: a string constant, a
 * parameter of the calling method, or a static field, or several of these where branches meet (a ternary, a
 * variable assigned in an {@code if}). Enough to follow an algorithm name through helper methods; anything
 * computed (concatenation, a method's result) is unknown and never reported.
 *
 * <p>Local variables are followed without regard to order (a variable holds everything ever stored in it),
 * which errs towards finding a constant that reaches a call; the operand stack is followed along the code,
 * with the stacks of jumps merged at their targets.
 */
final class ArgumentFlow {

    /** Where a value may come from. */
    sealed interface Source permits Constant, Parameter, StaticField {
    }

    /** A string constant. */
    record Constant(String text) implements Source {
    }

    /** A parameter of the calling method, counted from 0 without the receiver. */
    record Parameter(int index) implements Source {
    }

    /** A static field, in internal names. */
    record StaticField(String owner, String name) implements Source {
    }

    /**
     * A call with where its arguments come from.
     *
     * @param method     the calling method's name
     * @param descriptor the calling method's descriptor
     * @param line       the source line, 0 when unknown
     * @param owner      the called method's owner, an internal name
     * @param name       the called method's name
     * @param calleeDesc the called method's descriptor
     * @param arguments  per argument, where it may come from; empty when unknown
     */
    record Call(String method, String descriptor, int line, String owner, String name, String calleeDesc,
                List<Set<Source>> arguments) {
    }

    /** More than this many possible sources make a value unknown: it is then not a constant choice. */
    private static final int MAX_SOURCES = 16;

    private final String className;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Set<String>> staticConstants = new HashMap<>();
    private final Set<String> staticFieldsSetOutsideInitializer = new HashSet<>();

    private ArgumentFlow(String className) {
        this.className = className;
    }

    /**
     * Reads a class file.
     *
     * @param classFile the class file's bytes
     * @return what its calls are given
     */
    static ArgumentFlow read(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ArgumentFlow flow = new ArgumentFlow(reader.getClassName());
        reader.accept(flow.new Reader(), ClassReader.SKIP_FRAMES);
        return flow;
    }

    /** @return the class's internal name */
    String className() {
        return className;
    }

    /** @return every call that is given a constant, a parameter or a static field, in the order of the class file */
    List<Call> calls() {
        return calls;
    }

    /**
     * The string constants a static field of this class is set to, if the static initializer is the only code
     * that sets it.
     *
     * @param field the field's name
     * @return the constants; empty when unknown
     */
    Set<String> staticConstants(String field) {
        if (staticFieldsSetOutsideInitializer.contains(field)) {
            return Set.of();
        }
        return staticConstants.getOrDefault(field, Set.of());
    }

    private final class Reader extends ClassVisitor {

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_STATIC) != 0 && value instanceof String text) {
                staticConstants.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(text);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodReader(name, descriptor, (access & Opcodes.ACC_STATIC) != 0);
        }
    }

    /** Records the method's instructions, then follows them twice: once to learn the locals, once to record calls. */
    private final class MethodReader extends MethodVisitor {
        private final String name;
        private final String descriptor;
        private final boolean isStatic;
        private final List<Instruction> instructions = new ArrayList<>();
        private final Set<Label> handlers = new HashSet<>();

        MethodReader(String name, String descriptor, boolean isStatic) {
            super(Opcodes.ASM9);
            this.name = name;
            this.descriptor = descriptor;
            this.isStatic = isStatic;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            handlers.add(handler);
        }

        @Override
        public void visitLabel(Label label) {
            instructions.add(state -> state.arrive(label, handlers.contains(label)));
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            instructions.add(state -> state.line = line);
        }

        @Override
        public void visitInsn(int opcode) {
            instructions.add(state -> state.simple(opcode));
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instructions.add(state -> {
                if (opcode == Opcodes.NEWARRAY) {
                    state.pop();
                }
                state.push(Value.UNKNOWN);
            });
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            instructions.add(state -> state.variable(opcode, variable));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instructions.add(state -> {
                if (opcode == Opcodes.NEW) {
                    state.push(Value.UNKNOWN);
                } else if (opcode == Opcodes.CHECKCAST) {
                    state.push(state.pop());
                } else {
                    state.pop();
                    state.push(Value.UNKNOWN);
                }
            });
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
            boolean wide = isWide(Type.getType(fieldDescriptor));
            instructions.add(state -> {
                switch (opcode) {
                    case Opcodes.GETSTATIC -> state.push(new Value(Set.of(new StaticField(owner, fieldName)), wide));
                    case Opcodes.PUTSTATIC -> {
                        Value value = state.pop();
                        if (owner.equals(className)) {
                            state.staticStore(fieldName, value);
                        }
                    }
                    case Opcodes.GETFIELD -> {
                        state.pop();
                        state.push(new Value(Set.of(), wide));
                    }
                    default -> {
                        state.pop();
                        state.pop();
                    }
                }
            });
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor, boolean isInterface) {
            instructions.add(state -> state.call(opcode != Opcodes.INVOKESTATIC, owner, methodName, methodDescriptor));
        }

        @Override
        public void visitInvokeDynamicInsn(String methodName, String methodDescriptor, Handle bootstrap, Object... arguments) {
            instructions.add(state -> state.call(false, null, methodName, methodDescriptor));
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            instructions.add(state -> state.jump(opcode, label));
        }

        @Override
        public void visitLdcInsn(Object value) {
            instructions.add(state -> state.push(value instanceof String text ? new Value(Set.of(new Constant(text)), false)
                    : new Value(Set.of(), value instanceof Long || value instanceof Double)));
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
            instructions.add(state -> state.switchTo(defaultLabel, labels));
        }

        @Override
        public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
            instructions.add(state -> state.switchTo(defaultLabel, labels));
        }

        @Override
        public void visitMultiANewArrayInsn(String type, int dimensions) {
            instructions.add(state -> {
                for (int i = 0; i < dimensions; i++) {
                    state.pop();
                }
                state.push(Value.UNKNOWN);
            });
        }

        @Override
        public void visitEnd() {
            Map<Integer, Set<Source>> locals = new HashMap<>();
            int slot = isStatic ? 0 : 1;
            if (!isStatic) {
                locals.put(0, new LinkedHashSet<>());
            }
            Type[] parameters = Type.getArgumentTypes(descriptor);
            for (int i = 0; i < parameters.length; i++) {
                locals.computeIfAbsent(slot, key -> new LinkedHashSet<>()).add(new Parameter(i));
                slot += parameters[i].getSize();
            }
            for (boolean recording : new boolean[] {false, true}) {
                State state = new State(locals, recording);
                for (Instruction instruction : instructions) {
                    instruction.apply(state);
                }
            }
        }

        /** The stack and variables while following the code. */
        private final class State {
            private final Map<Integer, Set<Source>> locals;
            private final boolean recording;
            private final Map<Label, List<Value>> atLabels = new HashMap<>();
            private List<Value> stack = new ArrayList<>();
            private boolean reachable = true;
            int line;

            State(Map<Integer, Set<Source>> locals, boolean recording) {
                this.locals = locals;
                this.recording = recording;
            }

            void push(Value value) {
                stack.add(value);
            }

            Value pop() {
                return stack.isEmpty() ? Value.UNKNOWN : stack.remove(stack.size() - 1);
            }

            private Value peek() {
                return stack.isEmpty() ? Value.UNKNOWN : stack.get(stack.size() - 1);
            }

            void arrive(Label label, boolean handler) {
                List<Value> saved = atLabels.get(label);
                if (handler) {
                    stack = new ArrayList<>(List.of(Value.UNKNOWN));
                } else if (saved != null) {
                    stack = reachable ? merge(stack, saved) : new ArrayList<>(saved);
                } else if (!reachable) {
                    stack = new ArrayList<>();
                }
                reachable = true;
            }

            private void keepFor(Label label) {
                atLabels.merge(label, new ArrayList<>(stack), State::merge);
            }

            private static List<Value> merge(List<Value> one, List<Value> other) {
                if (one.size() != other.size()) {
                    return new ArrayList<>(one);
                }
                List<Value> merged = new ArrayList<>();
                for (int i = 0; i < one.size(); i++) {
                    merged.add(one.get(i).union(other.get(i)));
                }
                return merged;
            }

            void jump(int opcode, Label target) {
                switch (opcode) {
                    case Opcodes.GOTO -> {
                        keepFor(target);
                        reachable = false;
                    }
                    case Opcodes.JSR -> {
                        push(Value.UNKNOWN);
                        keepFor(target);
                        pop();
                    }
                    default -> {
                        pop();
                        if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ACMPNE) {
                            pop();
                        }
                        keepFor(target);
                    }
                }
            }

            void switchTo(Label defaultLabel, Label[] labels) {
                pop();
                keepFor(defaultLabel);
                for (Label label : labels) {
                    keepFor(label);
                }
                reachable = false;
            }

            void variable(int opcode, int variable) {
                switch (opcode) {
                    case Opcodes.ALOAD -> push(new Value(Collections.unmodifiableSet(new LinkedHashSet<>(
                            locals.getOrDefault(variable, Set.of()))), false));
                    case Opcodes.ILOAD, Opcodes.FLOAD -> push(Value.UNKNOWN);
                    case Opcodes.LLOAD, Opcodes.DLOAD -> push(Value.UNKNOWN_WIDE);
                    case Opcodes.ASTORE -> {
                        Set<Source> stored = locals.computeIfAbsent(variable, key -> new LinkedHashSet<>());
                        stored.addAll(pop().sources());
                        if (stored.size() > MAX_SOURCES) {
                            stored.clear();
                        }
                    }
                    case Opcodes.RET -> {
                        reachable = false;
                    }
                    default -> pop();
                }
            }

            void staticStore(String field, Value value) {
                if (!recording) {
                    return;
                }
                if (!name.equals("<clinit>")) {
                    staticFieldsSetOutsideInitializer.add(field);
                    return;
                }
                for (Source source : value.sources()) {
                    if (source instanceof Constant constant) {
                        staticConstants.computeIfAbsent(field, key -> new LinkedHashSet<>()).add(constant.text());
                    }
                }
            }

            void call(boolean hasReceiver, String owner, String methodName, String methodDescriptor) {
                Type[] parameters = Type.getArgumentTypes(methodDescriptor);
                Value[] arguments = new Value[parameters.length];
                for (int i = parameters.length - 1; i >= 0; i--) {
                    arguments[i] = pop();
                }
                if (hasReceiver) {
                    pop();
                }
                Type returned = Type.getReturnType(methodDescriptor);
                if (returned.getSort() != Type.VOID) {
                    push(new Value(Set.of(), isWide(returned)));
                }
                if (recording && owner != null && Arrays.stream(arguments).anyMatch(value -> !value.sources().isEmpty())) {
                    calls.add(new Call(name, descriptor, line, owner, methodName, methodDescriptor,
                            Arrays.stream(arguments).map(Value::sources).toList()));
                }
            }

            /** Instructions without operands: the JVM's stack effects, with long and double values as one entry. */
            void simple(int opcode) {
                if (opcode == Opcodes.NOP) {
                    return;
                }
                if (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.DCONST_1) {
                    push(opcode == Opcodes.LCONST_0 || opcode == Opcodes.LCONST_1 || opcode == Opcodes.DCONST_0
                            || opcode == Opcodes.DCONST_1 ? Value.UNKNOWN_WIDE : Value.UNKNOWN);
                } else if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
                    pop();
                    pop();
                    push(opcode == Opcodes.LALOAD || opcode == Opcodes.DALOAD ? Value.UNKNOWN_WIDE : Value.UNKNOWN);
                } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
                    pop();
                    pop();
                    pop();
                } else if (opcode >= Opcodes.POP && opcode <= Opcodes.SWAP) {
                    stackManipulation(opcode);
                } else if (opcode >= Opcodes.IADD && opcode <= Opcodes.DREM
                        || opcode >= Opcodes.ISHL && opcode <= Opcodes.LXOR) {
                    pop();
                    pop();
                    push(isWideArithmetic(opcode) ? Value.UNKNOWN_WIDE : Value.UNKNOWN);
                } else if (opcode >= Opcodes.INEG && opcode <= Opcodes.DNEG) {
                    push(pop());
                } else if (opcode >= Opcodes.I2L && opcode <= Opcodes.I2S) {
                    pop();
                    push(opcode == Opcodes.I2L || opcode == Opcodes.I2D || opcode == Opcodes.L2D || opcode == Opcodes.F2L
                            || opcode == Opcodes.F2D || opcode == Opcodes.D2L ? Value.UNKNOWN_WIDE : Value.UNKNOWN);
                } else if (opcode >= Opcodes.LCMP && opcode <= Opcodes.DCMPG) {
                    pop();
                    pop();
                    push(Value.UNKNOWN);
                } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN || opcode == Opcodes.ATHROW) {
                    stack = new ArrayList<>();
                    reachable = false;
                } else if (opcode == Opcodes.ARRAYLENGTH) {
                    pop();
                    push(Value.UNKNOWN);
                } else if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
                    pop();
                }
            }

            private void stackManipulation(int opcode) {
                switch (opcode) {
                    case Opcodes.POP -> pop();
                    case Opcodes.POP2 -> {
                        if (!pop().wide()) {
                            pop();
                        }
                    }
                    case Opcodes.DUP -> push(peek());
                    case Opcodes.DUP_X1 -> {
                        Value top = pop();
                        Value second = pop();
                        push(top);
                        push(second);
                        push(top);
                    }
                    case Opcodes.DUP_X2 -> {
                        Value top = pop();
                        Value second = pop();
                        Value third = second.wide() ? null : pop();
                        push(top);
                        if (third != null) {
                            push(third);
                        }
                        push(second);
                        push(top);
                    }
                    case Opcodes.DUP2 -> {
                        Value top = pop();
                        if (top.wide()) {
                            push(top);
                            push(top);
                        } else {
                            Value second = pop();
                            push(second);
                            push(top);
                            push(second);
                            push(top);
                        }
                    }
                    case Opcodes.SWAP -> {
                        Value top = pop();
                        Value second = pop();
                        push(top);
                        push(second);
                    }
                    default -> {
                        // DUP2_X1 and DUP2_X2 are rare (long arithmetic on fields and arrays): the stack is no longer known
                        stack = new ArrayList<>();
                    }
                }
            }
        }
    }

    private static boolean isWideArithmetic(int opcode) {
        if (opcode <= Opcodes.DREM) {
            int kind = (opcode - Opcodes.IADD) % 4;
            return kind == 1 || kind == 3;
        }
        return opcode == Opcodes.LSHL || opcode == Opcodes.LSHR || opcode == Opcodes.LUSHR || opcode == Opcodes.LAND
                || opcode == Opcodes.LOR || opcode == Opcodes.LXOR;
    }

    private static boolean isWide(Type type) {
        return type.getSize() == 2;
    }

    /** One instruction, replayed on a state. */
    @FunctionalInterface
    private interface Instruction {
        void apply(MethodReader.State state);
    }

    /**
     * A value on the stack.
     *
     * @param sources where it may come from; empty when unknown
     * @param wide    whether it is a long or a double (two slots on the JVM's stack)
     */
    private record Value(Set<Source> sources, boolean wide) {
        static final Value UNKNOWN = new Value(Set.of(), false);
        static final Value UNKNOWN_WIDE = new Value(Set.of(), true);

        Value union(Value other) {
            // what one branch leaves unknown does not hide what the other one passes
            Set<Source> union = new LinkedHashSet<>(sources);
            union.addAll(other.sources);
            return new Value(union.size() > MAX_SOURCES ? Set.of() : Collections.unmodifiableSet(union), wide);
        }
    }
}
