package dev.complianceharness.governance.internal;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the places that ask for an MD2, MD4, MD5 or SHA-1 digest: calls of {@code MessageDigest.getInstance}
 * (and Commons Codec's {@code DigestUtils.getDigest}) with a weak algorithm name, calls of Commons Codec's and
 * Guava's MD5 and SHA-1 methods, and — across every imported class — calls that hand a weak algorithm name to
 * a helper method that passes its parameter on to a digest factory, through any number of helpers (as
 * Commons Codec's own {@code DigestUtils.getMd5Digest()} does). The name may be a constant, a static field set
 * to one in the static initializer, or one of the values a ternary or an {@code if} chooses from.
 *
 * <p>The analysis needs every class at once: {@link #startEvaluation(Collection)} runs it for a rule's
 * evaluation on this thread (ArchUnit calls a condition's {@code init} with all classes first), and
 * {@link #callsIn(JavaClass)} answers per class.
 */
public final class WeakDigestFlow {

    /** Digest algorithm names that are broken for security use (MD2, MD4, MD5, SHA-1 and its aliases). */
    public static final Set<String> WEAK_DIGESTS = Set.of("MD2", "MD4", "MD5", "SHA", "SHA1", "SHA-1");

    /**
     * A call that asks for a weak digest.
     *
     * @param method     the calling method's name
     * @param descriptor the calling method's descriptor
     * @param call       what was called, for example {@code MessageDigest.getInstance("MD5")}
     * @param line       the source line, 0 when unknown
     */
    public record WeakDigestCall(String method, String descriptor, String call, int line) {
    }

    private static final String MESSAGE_DIGEST = "java/security/MessageDigest";
    private static final String DIGEST_UTILS = "org/apache/commons/codec/digest/DigestUtils";
    private static final String GUAVA_HASHING = "com/google/common/hash/Hashing";
    private static final ThreadLocal<WeakDigestFlow> EVALUATING = new ThreadLocal<>();

    /** How an algorithm name handed to a method reaches a digest factory. */
    private record Hop(List<String> through, String factory) {
    }

    private final Set<String> analysed = new HashSet<>();
    private final Map<String, JavaClass> classes = new HashMap<>();
    private final Map<String, Set<JavaClass>> callers = new HashMap<>();
    private final Map<String, ArgumentFlow> flows = new HashMap<>();
    private final Map<String, Map<Integer, Hop>> helpers = new HashMap<>();
    private final Map<String, Map<String, WeakDigestCall>> found = new HashMap<>();

    private WeakDigestFlow() {
    }

    /**
     * Analyses every class of a rule's evaluation on this thread; {@link #callsIn(JavaClass)} then answers from it.
     *
     * @param all every class the rule is evaluated on
     */
    public static void startEvaluation(Collection<JavaClass> all) {
        EVALUATING.set(analyse(all));
    }

    /** Forgets this thread's analysis. */
    public static void endEvaluation() {
        EVALUATING.remove();
    }

    /**
     * The weak-digest calls in a class, from this thread's analysis of all classes, or from an analysis of this
     * class alone when there is none.
     *
     * @param javaClass the class
     * @return its calls that ask for a weak digest, in the order of the source lines
     */
    public static List<WeakDigestCall> callsIn(JavaClass javaClass) {
        WeakDigestFlow flow = EVALUATING.get();
        if (flow == null || !flow.analysed.contains(javaClass.getName())) {
            flow = analyse(List.of(javaClass));
        }
        return flow.found.getOrDefault(javaClass.getName(), Map.of()).values().stream()
                .sorted(Comparator.comparingInt(WeakDigestCall::line).thenComparing(WeakDigestCall::method)
                        .thenComparing(WeakDigestCall::call))
                .toList();
    }

    /**
     * Analyses classes together.
     *
     * @param all the classes
     * @return the analysis
     */
    static WeakDigestFlow analyse(Collection<JavaClass> all) {
        WeakDigestFlow flow = new WeakDigestFlow();
        Deque<JavaClass> work = new ArrayDeque<>();
        for (JavaClass javaClass : all) {
            flow.analysed.add(javaClass.getName());
            flow.classes.put(internal(javaClass.getName()), javaClass);
            boolean callsFactory = false;
            for (JavaCall<?> call : javaClass.getCodeUnitCallsFromSelf()) {
                String owner = internal(call.getTargetOwner().getName());
                flow.callers.computeIfAbsent(owner + '#' + call.getName(), key -> new HashSet<>()).add(javaClass);
                callsFactory |= isFactory(owner, call.getName());
                namedWeakCall(owner, call.getName()).ifPresent(text -> flow.record(javaClass.getName(),
                        new WeakDigestCall(call.getOrigin().getName(), call.getOrigin().getDescriptor(), text, call.getLineNumber())));
            }
            if (callsFactory) {
                work.add(javaClass);
            }
        }
        Set<JavaClass> queued = new HashSet<>(work);
        while (!work.isEmpty()) {
            JavaClass javaClass = work.poll();
            queued.remove(javaClass);
            for (String helper : flow.follow(javaClass)) {
                for (JavaClass caller : flow.callers.getOrDefault(helper, Set.of())) {
                    if (queued.add(caller)) {
                        work.add(caller);
                    }
                }
            }
        }
        return flow;
    }

    /** Follows the algorithm names in one class's calls; returns the methods ({@code owner#name}) newly found to be helpers. */
    private List<String> follow(JavaClass javaClass) {
        Optional<ArgumentFlow> read = flow(internal(javaClass.getName()));
        if (read.isEmpty()) {
            return List.of();
        }
        List<String> newHelpers = new ArrayList<>();
        for (ArgumentFlow.Call call : read.get().calls()) {
            for (int argument = 0; argument < call.arguments().size(); argument++) {
                Optional<Hop> hop = hop(call, argument);
                if (hop.isEmpty()) {
                    continue;
                }
                for (ArgumentFlow.Source source : call.arguments().get(argument)) {
                    if (source instanceof ArgumentFlow.Parameter parameter) {
                        String helper = read.get().className() + '#' + call.method() + '#' + call.descriptor();
                        List<String> through = new ArrayList<>();
                        if (!isFactory(call.owner(), call.name()) || helpers.containsKey(methodKey(call))) {
                            through.add(display(call.owner(), call.name()));
                        }
                        through.addAll(hop.get().through());
                        Map<Integer, Hop> parameters = helpers.computeIfAbsent(helper, key -> new HashMap<>());
                        if (!parameters.containsKey(parameter.index())) {
                            parameters.put(parameter.index(), new Hop(List.copyOf(through), hop.get().factory()));
                            newHelpers.add(read.get().className() + '#' + call.method());
                        }
                    } else {
                        weakName(source).ifPresent(name -> record(javaClass.getName(), new WeakDigestCall(call.method(),
                                call.descriptor(), describe(call, name, hop.get()), call.line())));
                    }
                }
            }
        }
        return newHelpers;
    }

    private Optional<Hop> hop(ArgumentFlow.Call call, int argument) {
        Hop helper = helpers.getOrDefault(methodKey(call), Map.of()).get(argument);
        if (helper != null) {
            return Optional.of(helper);
        }
        if (argument == 0 && isFactory(call.owner(), call.name()) && call.calleeDesc().startsWith("(Ljava/lang/String;")) {
            return Optional.of(new Hop(List.of(), display(call.owner(), call.name())));
        }
        return Optional.empty();
    }

    /** The weak algorithm name a source may hold, as it is shown: {@code "MD5"} or {@code Ids.LEGACY = "SHA-1"}. */
    private Optional<String> weakName(ArgumentFlow.Source source) {
        if (source instanceof ArgumentFlow.Constant constant) {
            return isWeak(constant.text()) ? Optional.of('"' + constant.text() + '"') : Optional.empty();
        }
        if (source instanceof ArgumentFlow.StaticField field) {
            return flow(field.owner()).flatMap(owner -> new TreeSet<>(owner.staticConstants(field.name())).stream()
                    .filter(WeakDigestFlow::isWeak).findFirst()
                    .map(text -> simple(field.owner()) + "." + field.name() + " = \"" + text + '"'));
        }
        return Optional.empty();
    }

    private static String describe(ArgumentFlow.Call call, String name, Hop hop) {
        String called = display(call.owner(), call.name()) + "(" + name + ")";
        if (hop.through().isEmpty() && display(call.owner(), call.name()).equals(hop.factory())) {
            return called;
        }
        List<String> through = hop.through().stream().filter(step -> !step.equals(display(call.owner(), call.name()))).toList();
        return called + ", which passes it to " + hop.factory() + (through.isEmpty() ? "" : " through " + String.join(", ", through));
    }

    private void record(String className, WeakDigestCall call) {
        // a later, better-informed look at the same call site (through a helper found since) replaces the earlier one
        found.computeIfAbsent(className, key -> new LinkedHashMap<>())
                .put(call.method() + call.descriptor() + '@' + call.line() + ':' + call.call().replaceAll(",.*", ""), call);
    }

    private Optional<ArgumentFlow> flow(String internalName) {
        if (flows.containsKey(internalName)) {
            return Optional.ofNullable(flows.get(internalName));
        }
        JavaClass javaClass = classes.get(internalName);
        ArgumentFlow read = javaClass == null ? null : javaClass.getSource().map(WeakDigestFlow::read).orElse(null);
        flows.put(internalName, read);
        return Optional.ofNullable(read);
    }

    private static ArgumentFlow read(Source source) {
        try (InputStream in = source.getUri().toURL().openStream()) {
            return ArgumentFlow.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class file " + source.getUri(), e);
        }
    }

    private static boolean isFactory(String owner, String name) {
        return owner.equals(MESSAGE_DIGEST) && name.equals("getInstance") || owner.equals(DIGEST_UTILS) && name.equals("getDigest");
    }

    /** Commons Codec's and Guava's methods whose names say MD2, MD5 or SHA-1. */
    private static Optional<String> namedWeakCall(String owner, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean commonsCodec = owner.equals(DIGEST_UTILS) && (lower.startsWith("md2") || lower.startsWith("md5")
                || lower.startsWith("sha1") || lower.equals("sha") || lower.equals("shahex") || lower.equals("getmd5digest")
                || lower.equals("getmd2digest") || lower.equals("getsha1digest") || lower.equals("getshadigest"));
        boolean guava = owner.equals(GUAVA_HASHING) && (name.equals("md5") || name.equals("sha1"));
        return commonsCodec || guava ? Optional.of(simple(owner) + "." + name + "()") : Optional.empty();
    }

    private static boolean isWeak(String algorithm) {
        return WEAK_DIGESTS.contains(algorithm.strip().toUpperCase(Locale.ROOT));
    }

    private static String methodKey(ArgumentFlow.Call call) {
        return call.owner() + '#' + call.name() + '#' + call.calleeDesc();
    }

    private static String display(String owner, String name) {
        return name.equals("<init>") ? "new " + simple(owner) : simple(owner) + "." + name;
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    private static String internal(String className) {
        return className.replace('.', '/');
    }
}
