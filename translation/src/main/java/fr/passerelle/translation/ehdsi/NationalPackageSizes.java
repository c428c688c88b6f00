package fr.passerelle.translation.ehdsi;

import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.terminology.catalogue.PackageContent;
import fr.passerelle.translation.cda.CdaNodes;
import java.util.Optional;
import java.util.function.Consumer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fills the package size an eHDSI ePrescription requires ({@code pharm:asContent/pharm:quantity}) when the French
 * line does not state it but names the exact presentation prescribed (its CIP13 code): the national medicines
 * database says what that presentation holds ("… de 16 comprimé(s)" → 16). It describes the product, not the
 * prescription, so it is taken from there rather than left unknown, and every value taken is reported. A line
 * without a CIP13 (a CIS product has several presentations), an unknown presentation, or a label stating no single
 * quantity keeps {@code nullFlavor="UNK"}, reported too.
 */
public final class NationalPackageSizes {

    private static final String CIP13 = "1.2.250.1.213.2.3.2";

    private final Terminology terminology;

    public NationalPackageSizes(Terminology terminology) {
        this.terminology = terminology;
    }

    /** Completes every unknown package size of an ePrescription pivot it can; each one taken goes to {@code report}. */
    public void complete(Element pivotRoot, Consumer<String> report) {
        NodeList contents = pivotRoot.getElementsByTagNameNS(CdaNodes.PHARM, "asContent");
        for (int i = 0; i < contents.getLength(); i++) {
            Element content = (Element) contents.item(i);
            Element quantity = CdaNodes.child(content, "quantity");
            if (quantity == null || !"UNK".equals(quantity.getAttribute("nullFlavor"))) {
                continue;
            }
            Element code = CdaNodes.path(content, "containerPackagedProduct", "code");
            boolean presentation = code != null && CIP13.equals(code.getAttribute("codeSystem"))
                    && !code.getAttribute("code").isEmpty();
            Optional<PackageContent> size = presentation
                    ? terminology.packageContent(Coding.of("urn:oid:" + CIP13, code.getAttribute("code")))
                    : Optional.empty();
            if (size.isEmpty()) {
                report.accept("package size unknown at " + CdaNodes.xpath(quantity) + ": the French prescription"
                        + " states none and " + (presentation ? "the national medicines database states no single"
                        + " quantity for presentation CIP13 " + code.getAttribute("code")
                        : "names no presentation (CIP13) to look it up") + "; written nullFlavor UNK");
                continue;
            }
            quantity.removeAttribute("nullFlavor");
            quantity.setAttributeNS(CdaNodes.XSI, "xsi:type", "PQ");
            quantity.setAttribute("value", size.get().value());
            quantity.setAttribute("unit", size.get().unit());
            report.accept("package size " + size.get().value() + " " + size.get().unit() + " at "
                    + CdaNodes.xpath(quantity) + " taken from the national medicines database (BDPM presentation"
                    + " CIP13 " + code.getAttribute("code") + "): the French prescription does not state it");
        }
    }
}
