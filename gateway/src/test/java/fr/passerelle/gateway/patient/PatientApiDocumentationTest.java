package fr.passerelle.gateway.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The committed OpenAPI file documents exactly the operations the controller serves. */
class PatientApiDocumentationTest {

    @Test
    void everyOperationIsDocumentedAndNothingElse() throws Exception {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PatientApiDocumentation.LOCATION)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> served = new TreeSet<>();
        String base = PatientController.class.getAnnotation(RequestMapping.class).value()[0];
        for (Method method : PatientController.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(GetMapping.class)) {
                served.add("get " + base + method.getAnnotation(GetMapping.class).value()[0]);
            } else if (method.isAnnotationPresent(PutMapping.class)) {
                served.add("put " + base + method.getAnnotation(PutMapping.class).value()[0]);
            } else if (method.isAnnotationPresent(DeleteMapping.class)) {
                served.add("delete " + base + method.getAnnotation(DeleteMapping.class).value()[0]);
            }
        }
        Set<String> documented = new TreeSet<>();
        String path = null;
        for (String line : yaml.split("\n")) {
            if (line.matches("  /api/patient/\\S+:")) {
                path = line.trim().replace(":", "");
            } else if (path != null && line.matches("    (get|put|delete|post):.*")) {
                documented.add(line.trim().replaceAll(":.*", "") + " " + path);
            } else if (!line.startsWith("  ") && !line.isBlank()) {
                path = null;
            }
        }
        assertThat(documented).isEqualTo(served).hasSize(8);
    }

    @Test
    void theDocumentsEnumIsEveryConsentChoice() throws Exception {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PatientApiDocumentation.LOCATION)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher documents = java.util.regex.Pattern
                .compile("Documents:\\s+type: string\\s+enum: \\[([^]]+)]").matcher(yaml);

        assertThat(documents.find()).isTrue();
        assertThat(java.util.Arrays.stream(documents.group(1).split(",")).map(String::strip).toList())
                .containsExactly(java.util.Arrays.stream(fr.passerelle.gateway.consent.SharedDocuments.values())
                        .map(Enum::name).toArray(String[]::new));
    }
}
