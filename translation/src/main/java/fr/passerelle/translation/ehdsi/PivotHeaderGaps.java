package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.Header;
import java.util.ArrayList;
import java.util.List;

/**
 * The header elements eHDSI requires that a French header does not give: the pivot carries them as "no
 * information" (nullFlavor) and the translation report says so, never a made-up value.
 */
public final class PivotHeaderGaps {

    private PivotHeaderGaps() {
    }

    /** One report line per gap of this header in a pivot of the given eHDSI document template. */
    public static List<String> of(Header h, String documentTemplate) {
        List<String> gaps = new ArrayList<>();
        if (h.id() == null) {
            gaps.add("the source has no document id: the pivot's relatedDocument (XFRM) parent id is nullFlavor NI");
        }
        if (PivotHeaderWriter.isPatientSummary(documentTemplate) && h.contacts().stream()
                .noneMatch(c -> c.isRelative() || PivotHeaderWriter.isPrimaryCarePhysician(c))) {
            gaps.add("the source names no emergency contact, trusted person or attending physician: the patient"
                    + " contact eHDSI requires (participant " + PivotHeaderWriter.CONTACT_TEMPLATE
                    + ") is nullFlavor NI");
        }
        if (h.legalAuthenticator() == null) {
            gaps.add("the source has no legal authenticator, which eHDSI requires: the pivot has none and will not"
                    + " pass the eHDSI validators");
        }
        List<String> noTelecom = new ArrayList<>();
        organisation(noTelecom, "author's organisation", h.author() == null || h.author().person() == null ? null
                : h.author().person().organization());
        organisation(noTelecom, "legal authenticator's organisation", h.legalAuthenticator() == null ? null
                : h.legalAuthenticator().organization());
        if (h.custodian() != null && h.custodian().telecoms().isEmpty()) {
            noTelecom.add("custodian");
        }
        if (!noTelecom.isEmpty()) {
            gaps.add("the source gives no telecom for the " + String.join(", ", noTelecom)
                    + ": eHDSI requires one, written as nullFlavor NI");
        }
        return gaps;
    }

    private static void organisation(List<String> noTelecom, String what, Header.Organization org) {
        if (org != null && org.telecoms().isEmpty()) {
            noTelecom.add(what);
        }
    }
}
