package fr.passerelle.gateway.console.admin;

import fr.passerelle.gateway.audit.AuditChainVerifier;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditSearchCriteria;
import fr.passerelle.gateway.audit.ChainVerification;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/audit}: search the trail (GET without a patient; POST when a patient's INS is given, so it stays out
 * of URLs), one record's detail, and {@code POST /admin/audit/verify} to verify the whole chain. Patients are shown
 * by pseudonym only.
 */
@Controller
public class AuditPage {

    private final AuditSearch search;
    private final AuditChainVerifier verifier;
    private final PatientPseudonyms pseudonyms;

    public AuditPage(AuditSearch search, AuditChainVerifier verifier, PatientPseudonyms pseudonyms) {
        this.search = search;
        this.verifier = verifier;
        this.pseudonyms = pseudonyms;
    }

    /** One record as a row; {@code patient} is the pseudonym. */
    public record Row(long seq, Instant recordedAt, String transaction, String country, String role,
                      String purpose, String patient, String outcome, String errorCode) {
    }

    /**
     * The verification's verdict in an operator's words. A flash attribute, so it travels in the session, which is
     * Java-serialised into the session table (Spring Session JDBC) and may be read by another node.
     */
    public record VerificationView(boolean intact, String message) implements java.io.Serializable {
        static VerificationView of(ChainVerification verdict) {
            if (verdict instanceof ChainVerification.Broken broken) {
                return new VerificationView(false, "Chain BROKEN at record " + broken.seq() + ": "
                        + broken.reason());
            }
            ChainVerification.Intact intact = (ChainVerification.Intact) verdict;
            return new VerificationView(true, "Chain intact: " + intact.records() + " records verified (sequence "
                    + (intact.anchorSeq() + 1) + " to " + intact.lastSeq() + ").");
        }
    }

    @GetMapping("/admin/audit")
    public String searchByLink(@ModelAttribute("query") AuditQuery query, Model model,
                               HttpServletResponse response) {
        // A patient in a GET is ignored: the form only sends one by POST.
        AuditQuery withoutPatient = new AuditQuery(query.from(), query.to(), query.country(), query.outcome(), "",
                query.patientOid());
        return search(withoutPatient, model, response);
    }

    @PostMapping("/admin/audit")
    public String searchByForm(@ModelAttribute("query") AuditQuery query, Model model,
                               HttpServletResponse response) {
        return search(query, model, response);
    }

    private String search(AuditQuery query, Model model, HttpServletResponse response) {
        model.addAttribute("query", query);
        AuditSearchCriteria criteria;
        try {
            criteria = query.criteria();
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("rows", List.of());
            return "admin/audit";
        }
        List<Row> rows = search.find(criteria).stream().map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("limit", AuditQuery.LIMIT);
        return "admin/audit";
    }

    @GetMapping("/admin/audit/{seq}")
    public String detail(@PathVariable("seq") String seq, Model model, HttpServletResponse response) {
        Optional<AuditRecord> record = seq.matches("[0-9]{1,18}") ? search.bySeq(Long.parseLong(seq))
                : Optional.empty();
        if (record.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("missing", seq);
            return "admin/audit-record";
        }
        model.addAttribute("record", record.get());
        model.addAttribute("patient", record.get().patient().map(pseudonyms::of).orElse("—"));
        return "admin/audit-record";
    }

    @PostMapping("/admin/audit/verify")
    public String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", VerificationView.of(verifier.verify()));
        return "redirect:/admin/audit";
    }

    private Row row(AuditRecord r) {
        return new Row(r.seq(), r.recordedAt(), r.transaction().name(), r.requestingCountry(), r.professionalRole(),
                r.purpose().map(Enum::name).orElse("—"), r.patient().map(pseudonyms::of).orElse("—"),
                r.outcome().name(), r.errorCode());
    }
}
