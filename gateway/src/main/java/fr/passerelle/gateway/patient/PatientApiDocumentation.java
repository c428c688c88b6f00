package fr.passerelle.gateway.patient;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the patient API's OpenAPI 3 description (a committed file, tested against the controller's mappings). */
@RestController
public class PatientApiDocumentation {

    static final String LOCATION = "fr/passerelle/gateway/patient/openapi.yaml";

    @GetMapping(path = "/api/patient/openapi.yaml")
    public ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource(LOCATION));
    }
}
