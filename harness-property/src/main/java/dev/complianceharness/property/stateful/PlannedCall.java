package dev.complianceharness.property.stateful;

import dev.complianceharness.property.Choices;

/** A command with its drawn arguments, ready to run (again) against a system. */
final class PlannedCall<M, S> {

    private final Typed<M, S, ?, ?> typed;

    private PlannedCall(Typed<M, S, ?, ?> typed) {
        this.typed = typed;
    }

    static <M, S> PlannedCall<M, S> draw(Command<M, S, ?, ?> command, M model, Choices choices) {
        return new PlannedCall<>(Typed.draw(command, model, choices));
    }

    String command() {
        return typed.command.name();
    }

    /** Runs the call and checks its postcondition and next model against the model before it. */
    Outcome<M> runAndCheck(S system, M modelBefore) {
        return typed.runAndCheck(system, modelBefore);
    }

    /** Runs the call only, catching what it throws; for the concurrent branches. */
    Step runOnly(S system) {
        return typed.runOnly(system);
    }

    /** Checks an observed step against a model; returns the next model or throws the failed check's error. */
    M accept(M modelBefore, Step observed) {
        return typed.accept(modelBefore, observed);
    }

    /** The result of running one call sequentially; failedCheck is null when it passed. */
    record Outcome<M>(Step step, M modelAfter, String failedCheck, Throwable cause) {
    }

    private static final class Typed<M, S, A, R> {
        private final Command<M, S, A, R> command;
        private final A arguments;

        private Typed(Command<M, S, A, R> command, A arguments) {
            this.command = command;
            this.arguments = arguments;
        }

        static <M, S, A, R> Typed<M, S, A, R> draw(Command<M, S, A, R> command, M model, Choices choices) {
            return new Typed<>(command, command.generateArguments(model, choices));
        }

        Step runOnly(S system) {
            try {
                R result = command.run(system, arguments);
                return new Step(command.name(), command.hasArguments(), arguments, result, null, null);
            } catch (RuntimeException | AssertionError e) {
                return new Step(command.name(), command.hasArguments(), arguments, null, e, null);
            }
        }

        Outcome<M> runAndCheck(S system, M modelBefore) {
            Step step = runOnly(system);
            if (step.thrown().isPresent()) {
                return new Outcome<>(step, null, "the system call", step.thrown().get());
            }
            @SuppressWarnings("unchecked")
            R result = (R) step.result();
            try {
                command.checkPostcondition(modelBefore, arguments, result);
            } catch (AssertionError | RuntimeException e) {
                return new Outcome<>(step, null, "the postcondition", e);
            }
            try {
                M next = command.nextModel(modelBefore, arguments, result);
                return new Outcome<>(step.withModelAfter(next), next, null, null);
            } catch (RuntimeException e) {
                return new Outcome<>(step, null, "the model update (nextModel)", e);
            }
        }

        M accept(M modelBefore, Step observed) {
            @SuppressWarnings("unchecked")
            R result = (R) observed.result();
            command.checkPostcondition(modelBefore, arguments, result);
            return command.nextModel(modelBefore, arguments, result);
        }
    }
}
