package dev.complianceharness.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.apiguardian.api.API.Status.STABLE;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.complianceharness.governance.internal.BytecodeFacts;
import dev.complianceharness.governance.internal.SecurityNames;
import dev.complianceharness.governance.internal.WeakDigestFlow;
import dev.complianceharness.liability.LiabilityZone;
import dev.complianceharness.liability.ZoneDeclaration;
import dev.complianceharness.liability.ZoneResolver;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Governance rules for code that AI tools (or people in a hurry) wrote: every class in a liability zone
 * has an owner, third-party AI, HTTP and OAuth clients are reached only through adapter packages, and
 * security gates that the bytecode shows, each with the CWE it prevents. In the style of ArchUnit's
 * {@code GeneralCodingRules}: conditions (lower-case verb phrases) paired with rules.
 *
 * <pre>{@code
 * @Test
 * void securityGates() {
 *     JavaClasses classes = new ClassFileImporter().importPackages("com.acme");
 *     GovernanceRules.SECURITY_GATES.check(classes);
 * }
 * }</pre>
 *
 * <p><b>Legacy code.</b> Wrap a rule in ArchUnit's {@code FreezingArchRule} to record today's violations
 * as a baseline and fail only on new ones: {@code FreezingArchRule.freeze(NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS)
 * .check(classes)}. The first run needs {@code freeze.store.default.allowStoreCreation=true} in
 * {@code archunit.properties}; commit the {@code archunit_store} directory. Violation messages carry
 * {@code (File.java:line)}, which the freezing rule ignores, so moving code does not break the baseline.
 */
@API(status = STABLE, since = "0.1.0")
public final class GovernanceRules {

    private GovernanceRules() {
    }

    // ------------------------------------------------------------------------------------------------
    // Liability zones

    /** Classes covered by a {@link LiabilityZone} on themselves, an enclosing class or a package above them. */
    public static final DescribedPredicate<JavaClass> IN_A_LIABILITY_ZONE =
            DescribedPredicate.describe("are in a liability zone", javaClass -> !javaClass.getSimpleName().equals("package-info")
                    && new ZoneResolver().declarationFor(javaClass).isPresent());

    /** The zone that covers the class names an owner. */
    public static final ArchCondition<JavaClass> HAVE_A_LIABILITY_ZONE_OWNER = new ArchCondition<>("have a liability zone owner") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            Optional<ZoneDeclaration> zone = new ZoneResolver().declarationFor(javaClass);
            if (zone.isPresent() && zone.get().owner().isEmpty()) {
                events.add(SimpleConditionEvent.violated(javaClass, "Class <" + javaClass.getName() + "> is in liability zone '"
                        + zone.get().name() + "' (declared on " + zone.get().declaredOn() + "), which names no owner:"
                        + " add owner = \"<team>\" to its @LiabilityZone in " + location(javaClass, 0)));
            }
        }
    };

    /** Every class in a liability zone has an owner a failure can be routed to. */
    public static final ArchRule CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER =
            classes().that(IN_A_LIABILITY_ZONE).should(HAVE_A_LIABILITY_ZONE_OWNER)
                    .because("code that can cause a fine or lose money needs someone who answers for it: the report routes"
                            + " unguarded zones and failing invariants to the zone's owner")
                    .allowEmptyShould(true);

    // ------------------------------------------------------------------------------------------------
    // Third-party clients

    /** The packages this library takes to be adapters unless told otherwise. */
    public static final List<String> DEFAULT_ADAPTER_PACKAGES = List.of("..adapter..", "..adapters..");

    /** The packages of well-known AI, HTTP and OAuth client libraries. */
    public static final List<String> THIRD_PARTY_CLIENT_PACKAGES = List.of(
            // AI
            "com.openai..", "com.theokanning.openai..", "com.anthropic..", "dev.langchain4j..", "org.springframework.ai..",
            "com.google.cloud.vertexai..", "com.google.genai..", "com.azure.ai.openai..", "software.amazon.awssdk.services.bedrockruntime..",
            "io.github.ollama4j..",
            // HTTP
            "okhttp3..", "org.apache.hc.client5..", "org.apache.http.client..", "org.apache.http.impl.client..", "java.net.http..",
            "org.springframework.web.client..", "org.springframework.web.reactive.function.client..", "feign..", "retrofit2..",
            "org.asynchttpclient..", "io.vertx.ext.web.client..", "kong.unirest..", "jakarta.ws.rs.client..", "javax.ws.rs.client..",
            // OAuth
            "com.nimbusds.oauth2..", "org.springframework.security.oauth2.client..", "com.google.auth..",
            "com.google.api.client.auth..", "com.github.scribejava..", "com.auth0..", "com.okta..", "org.keycloak.admin.client..");

    private static final Set<String> THIRD_PARTY_CLIENT_TYPES = Set.of("java.net.HttpURLConnection", "javax.net.ssl.HttpsURLConnection");

    /** Classes of well-known third-party AI, HTTP and OAuth client libraries. */
    public static final DescribedPredicate<JavaClass> THIRD_PARTY_AI_HTTP_OR_OAUTH_CLIENTS = DescribedPredicate.describe(
            "are third-party AI, HTTP or OAuth clients", javaClass -> THIRD_PARTY_CLIENT_TYPES.contains(javaClass.getName())
                    || PackageMatchers.of(THIRD_PARTY_CLIENT_PACKAGES).test(javaClass.getPackageName()));

    /**
     * Third-party AI, HTTP and OAuth clients are used only from the {@link #DEFAULT_ADAPTER_PACKAGES}.
     * Use {@link #thirdPartyClientsShouldOnlyBeUsedFrom(String...)} to name your own adapter packages.
     */
    public static final ArchRule THIRD_PARTY_CLIENTS_SHOULD_ONLY_BE_USED_FROM_ADAPTER_PACKAGES =
            thirdPartyClientsShouldOnlyBeUsedFrom(DEFAULT_ADAPTER_PACKAGES.toArray(String[]::new));

    /**
     * Third-party AI, HTTP and OAuth clients are used only from the given adapter packages.
     *
     * @param adapterPackages ArchUnit package identifiers, for example {@code "com.acme.adapters.."}
     * @return the rule
     * @throws IllegalArgumentException when no package is named
     */
    public static ArchRule thirdPartyClientsShouldOnlyBeUsedFrom(String... adapterPackages) {
        if (adapterPackages.length == 0) {
            throw new IllegalArgumentException("Name at least one adapter package, for example \"com.acme.adapters..\"");
        }
        return noClasses().that().resideOutsideOfPackages(adapterPackages)
                .should().dependOnClassesThat(THIRD_PARTY_AI_HTTP_OR_OAUTH_CLIENTS)
                .because("every call to a third party is data leaving the system, and every OAuth grant lets a third party"
                        + " in: one adapter package per third party keeps what is sent, and which tokens are held, in a place"
                        + " a reviewer can read (OWASP A08; CWE-829: inclusion of functionality from an untrusted control"
                        + " sphere)")
                .allowEmptyShould(true);
    }

    // ------------------------------------------------------------------------------------------------
    // Security gates

    /**
     * Asks for an MD2, MD4, MD5 or SHA-1 digest (JCA, Commons Codec or Guava), also through helper methods that
     * pass the algorithm name on to a digest factory, as {@code DigestUtils.getDigest(String)} does.
     */
    public static final ArchCondition<JavaClass> USE_WEAK_MESSAGE_DIGESTS = new ArchCondition<>("use MD5 or SHA-1 message digests") {
        @Override
        public void init(Collection<JavaClass> allObjectsToTest) {
            // a helper in one class and its caller in another: the flow is followed across all classes at once
            WeakDigestFlow.startEvaluation(allObjectsToTest);
        }

        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            WeakDigestFlow.callsIn(javaClass).forEach(call -> events.add(SimpleConditionEvent.satisfied(javaClass,
                    codeUnit(javaClass, call.method(), call.descriptor()) + " calls " + call.call() + " in "
                            + location(javaClass, call.line()))));
        }

        @Override
        public void finish(ConditionEvents events) {
            WeakDigestFlow.endEvaluation();
        }
    };

    /** No class asks for an MD5 or SHA-1 digest. */
    public static final ArchRule NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS = noClasses().should(USE_WEAK_MESSAGE_DIGESTS)
            .because("MD5 and SHA-1 collisions can be computed, so they must not protect integrity, passwords or signatures"
                    + " (CWE-327: use of a broken or risky cryptographic algorithm; CWE-328: use of weak hash): use SHA-256 or"
                    + " better, and PBKDF2, bcrypt or Argon2 for passwords")
            .allowEmptyShould(true);

    /** Creates a {@code java.util.Random}, or calls {@code Math.random()} or {@code ThreadLocalRandom.current()}, in code named after a security concept. */
    public static final ArchCondition<JavaClass> USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE =
            new ArchCondition<>("use java.util.Random in security-related code") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (JavaCall<?> call : javaClass.getCodeUnitCallsFromSelf()) {
                        if (isPredictableRandom(call) && isSecurityRelated(call.getOrigin())) {
                            events.add(SimpleConditionEvent.satisfied(javaClass, call.getDescription()
                                    + ", which is security-related by its name"));
                        }
                    }
                }
            };

    /** Security-related code (by class, package or method name: token, password, secret, key, salt, nonce ...) draws from SecureRandom. */
    public static final ArchRule NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE =
            noClasses().should(USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE)
                    .because("java.util.Random, Math.random() and ThreadLocalRandom are predictable: tokens, passwords, keys,"
                            + " salts and nonces drawn from them can be guessed (CWE-330: use of insufficiently random values;"
                            + " CWE-338: use of cryptographically weak PRNG): use java.security.SecureRandom")
                    .allowEmptyShould(true);

    private static final Set<String> TRUST_ALL_TYPES = Set.of("org.apache.http.conn.ssl.NoopHostnameVerifier",
            "org.apache.hc.client5.http.conn.ssl.NoopHostnameVerifier", "org.apache.http.conn.ssl.TrustAllStrategy",
            "org.apache.hc.client5.http.ssl.TrustAllStrategy", "org.apache.hc.client5.http.ssl.NoopHostnameVerifier",
            "io.netty.handler.ssl.util.InsecureTrustManagerFactory");

    /** Implements a TrustManager that accepts every certificate chain or a HostnameVerifier that accepts every host, or uses a library's. */
    public static final ArchCondition<JavaClass> TRUST_ALL_CERTIFICATES_OR_HOST_NAMES =
            new ArchCondition<>("trust all certificates or host names") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    Optional<BytecodeFacts> read = Optional.empty();
                    boolean trustManager = javaClass.isAssignableTo("javax.net.ssl.X509TrustManager");
                    boolean hostnameVerifier = javaClass.isAssignableTo("javax.net.ssl.HostnameVerifier");
                    // a lambda verifier's body takes an SSLSession, so classes without TLS types need no second read
                    boolean usesTls = javaClass.getDirectDependenciesFromSelf().stream()
                            .anyMatch(dependency -> dependency.getTargetClass().getPackageName().equals("javax.net.ssl"));
                    if (trustManager || hostnameVerifier || usesTls) {
                        read = BytecodeFacts.of(javaClass);
                    }
                    read.ifPresent(facts -> {
                        for (JavaCodeUnit method : javaClass.getCodeUnits()) {
                            boolean acceptsAllChains = trustManager && method.getName().equals("checkServerTrusted")
                                    && facts.body(method.getName(), method.getDescriptor()) == BytecodeFacts.Body.RETURNS_NOTHING;
                            boolean acceptsAllHosts = hostnameVerifier && method.getName().equals("verify")
                                    && method.getDescriptor().equals("(Ljava/lang/String;Ljavax/net/ssl/SSLSession;)Z")
                                    && facts.body(method.getName(), method.getDescriptor()) == BytecodeFacts.Body.RETURNS_TRUE;
                            if (acceptsAllChains || acceptsAllHosts) {
                                events.add(SimpleConditionEvent.satisfied(javaClass, method.getDescription()
                                        + (acceptsAllChains ? " accepts every certificate chain" : " accepts every host name")
                                        + " in " + location(javaClass, facts.firstLine(method.getName(), method.getDescriptor()))));
                            }
                        }
                        for (BytecodeFacts.LambdaCreation lambda : facts.lambdas()) {
                            if (lambda.implementedType().equals("javax.net.ssl.HostnameVerifier")
                                    && facts.body(lambda.implementationName(), lambda.implementationDesc()) == BytecodeFacts.Body.RETURNS_TRUE) {
                                events.add(SimpleConditionEvent.satisfied(javaClass, codeUnit(javaClass, lambda.method(),
                                        lambda.descriptor()) + " creates a HostnameVerifier that accepts every host name in "
                                        + location(javaClass, lambda.line())));
                            }
                        }
                    });
                    for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                        if (TRUST_ALL_TYPES.contains(dependency.getTargetClass().getName())) {
                            events.add(SimpleConditionEvent.satisfied(javaClass, dependency.getDescription()));
                        }
                    }
                }
            };

    /** No class turns certificate or host name checks off. */
    public static final ArchRule NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES =
            noClasses().should(TRUST_ALL_CERTIFICATES_OR_HOST_NAMES)
                    .because("a TrustManager or HostnameVerifier that accepts everything turns TLS off: anyone on the network"
                            + " path can read and change the traffic (CWE-295: improper certificate validation)")
                    .allowEmptyShould(true);

    /** Reads objects with {@code ObjectInputStream} or {@code XMLDecoder} (outside custom {@code readObject} hooks). */
    public static final ArchCondition<JavaClass> DESERIALIZE_WITH_OBJECT_INPUT_STREAM =
            new ArchCondition<>("deserialize with ObjectInputStream") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (JavaCall<?> call : javaClass.getMethodCallsFromSelf()) {
                        String name = call.getName();
                        boolean objectStream = (name.equals("readObject") || name.equals("readUnshared"))
                                && call.getTargetOwner().isAssignableTo("java.io.ObjectInputStream");
                        boolean xmlDecoder = name.equals("readObject") && call.getTargetOwner().isAssignableTo("java.beans.XMLDecoder");
                        boolean serializationHook = call.getOrigin().getName().equals("readObject")
                                && call.getOrigin().getRawParameterTypes().size() == 1
                                && call.getOrigin().getRawParameterTypes().get(0).isAssignableTo("java.io.ObjectInputStream");
                        if ((objectStream || xmlDecoder) && !serializationHook) {
                            events.add(SimpleConditionEvent.satisfied(javaClass, call.getDescription()));
                        }
                    }
                }
            };

    /** No class deserializes Java objects from a stream. */
    public static final ArchRule NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM =
            noClasses().should(DESERIALIZE_WITH_OBJECT_INPUT_STREAM)
                    .because("deserializing untrusted bytes lets an attacker run code through gadget chains (CWE-502:"
                            + " deserialization of untrusted data): use a data format with explicit types, such as JSON, or"
                            + " freeze the reviewed uses that set an ObjectInputFilter allow-list")
                    .allowEmptyShould(true);

    /** Calls {@code Runtime.exec} or creates a {@code ProcessBuilder}. */
    public static final ArchCondition<JavaClass> EXECUTE_OPERATING_SYSTEM_COMMANDS =
            new ArchCondition<>("execute operating system commands") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (JavaCall<?> call : javaClass.getCodeUnitCallsFromSelf()) {
                        String owner = call.getTargetOwner().getName();
                        if (owner.equals("java.lang.Runtime") && call.getName().equals("exec")
                                || owner.equals("java.lang.ProcessBuilder") && call.getName().equals("<init>")) {
                            events.add(SimpleConditionEvent.satisfied(javaClass, call.getDescription()));
                        }
                    }
                }
            };

    /** No class runs operating system commands. */
    public static final ArchRule NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS =
            noClasses().should(EXECUTE_OPERATING_SYSTEM_COMMANDS)
                    .because("a command line built from input lets an attacker run commands on the host (CWE-78: OS command"
                            + " injection): call a library instead, or run a fixed executable with validated arguments and"
                            + " freeze each reviewed use")
                    .allowEmptyShould(true);

    /** The five security gates together: weak digests, predictable randomness, trust-all TLS, deserialization, OS commands. */
    public static final ArchRule SECURITY_GATES = CompositeArchRule.of(NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS)
            .and(NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE)
            .and(NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES)
            .and(NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM)
            .and(NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS);

    private static boolean isPredictableRandom(JavaCall<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return (owner.equals("java.util.Random") || owner.equals("java.util.SplittableRandom")) && name.equals("<init>")
                || owner.equals("java.lang.Math") && name.equals("random")
                || owner.equals("java.lang.StrictMath") && name.equals("random")
                || owner.equals("java.util.concurrent.ThreadLocalRandom") && name.equals("current");
    }

    private static boolean isSecurityRelated(JavaCodeUnit origin) {
        JavaClass owner = origin.getOwner();
        JavaClass topLevel = owner;
        while (topLevel.getEnclosingClass().isPresent()) {
            topLevel = topLevel.getEnclosingClass().get();
        }
        return SecurityNames.isSecurityRelated(origin.getName()) || SecurityNames.isSecurityRelated(owner.getSimpleName())
                || SecurityNames.isSecurityRelated(topLevel.getSimpleName()) || SecurityNames.isSecurityRelated(owner.getPackageName());
    }

    private static String codeUnit(JavaClass javaClass, String name, String descriptor) {
        return javaClass.getCodeUnits().stream()
                .filter(unit -> unit.getName().equals(name) && unit.getDescriptor().equals(descriptor))
                .findFirst()
                .map(JavaCodeUnit::getDescription)
                .orElse("Method <" + javaClass.getName() + "." + name + ">");
    }

    private static String location(JavaClass javaClass, int line) {
        String file = javaClass.getSource().flatMap(source -> source.getFileName()).orElse(javaClass.getSimpleName() + ".java");
        return "(" + file + ":" + line + ")";
    }
}
