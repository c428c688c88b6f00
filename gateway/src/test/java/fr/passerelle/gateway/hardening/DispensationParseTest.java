package fr.passerelle.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.soap.AuditRows;
import fr.passerelle.gateway.soap.DemoExchanges;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Item 8 of the hardening (issue 20): the eDispensation inside an XDR submission is parsed once, with the limits of
 * every message from abroad — 200,000-deep junk in its narrative, once accepted as a dispensation, is refused as an
 * unreadable eDispensation, audited, and nothing is dispensed.
 */
class DispensationParseTest extends GatewayUnderAttack {

    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");
    private static final Pattern INLINE = Pattern.compile("(?s)(<xds:Document id=\"[^\"]+\">)(.*?)(</xds:Document>)");

    @Test
    void deeplyNestedJunkInTheDispensationIsRefusedAsUnreadable() {
        berthelotConsents();
        String body = withNarrative(DemoExchanges.dispensationBody(BERTHELOT, "1.2.250.1.999.1^EP-1",
                "1.2.250.1.999.2^LINE-1", UUID.randomUUID().toString()),
                "<content>".repeat(200_000) + "junk" + "</content>".repeat(200_000));
        HcpClaims pharmacist = HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists");
        String envelope = signedSoap(EhdsiOperation.PROVIDE_AND_REGISTER, body, Optional.of(BERTHELOT), pharmacist);
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();

        HttpResponse<String> response = postSoap("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, envelope);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ReceivedXml answer = ReceivedXml.parse(response.body());
        assertThat(answer.text("//rs:RegistryResponse/@status")).endsWith(":Failure");
        assertThat(answer.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE");
        assertThat(answer.text("//rs:RegistryError/@codeContext")).contains("nested deeper");
        assertThat(AuditRows.of(dataSource, id.group(1))).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("EDISPENSATION_UNREADABLE");
        });
    }

    /** The submission with {@code junk} put inside the eDispensation's first section narrative. */
    private static String withNarrative(String submission, String junk) {
        Matcher inline = INLINE.matcher(submission);
        assertThat(inline.find()).isTrue();
        String cda = new String(Base64.getMimeDecoder().decode(inline.group(2).trim()), StandardCharsets.UTF_8);
        int text = cda.indexOf("<text>");
        assertThat(text).isPositive();
        cda = cda.substring(0, text + 6) + junk + cda.substring(text + 6);
        String encoded = Base64.getEncoder().encodeToString(cda.getBytes(StandardCharsets.UTF_8));
        return submission.substring(0, inline.start(2)) + encoded + submission.substring(inline.end(2));
    }
}
