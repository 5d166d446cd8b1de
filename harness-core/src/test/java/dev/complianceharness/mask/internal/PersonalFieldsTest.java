package dev.complianceharness.mask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The personal members of an object")
class PersonalFieldsTest {

    /** A team's record whose annotated accessor fails: the boundary cannot learn the value it holds. */
    record Subscriber(@Pii(PiiKind.EMAIL) String email, String plan) {
        @Override
        public String email() {
            throw new IllegalStateException("detached entity");
        }
    }

    record Reader(@Pii(PiiKind.NAME) String name) {
    }

    @Test
    @DisplayName("are handed over with their kind")
    void readable() {
        List<String> found = new ArrayList<>();
        PersonalFields.forEach(new Reader("Ada Quill"), (kind, value) -> found.add(kind + " " + value));

        assertThat(found).containsExactly("NAME Ada Quill");
    }

    @Test
    @DisplayName("that cannot be read are named as what the boundary could not see, never skipped silently")
    void unreadableIsReported() {
        List<String> found = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        PersonalFields.forEach(new Subscriber("ada@example.com", "gold"), (kind, value) -> found.add(value), unreadable::add);

        assertThat(found).isEmpty();
        assertThat(unreadable).containsExactly("the redaction boundary could not read " + Subscriber.class.getName()
                + ".email (java.lang.reflect.InvocationTargetException), which may hold personal data: its values are"
                + " redacted by their shape only, not as known values; open its package to the harness or annotate what"
                + " it holds on a readable member");
    }
}
