package fr.passerelle.gateway.fhir.crossborder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class SearchPageTest {

    private static final List<MedicationRequest> MATCHES = IntStream.range(0, 7)
            .mapToObj(i -> (MedicationRequest) new MedicationRequest().setId("item-" + i)).toList();

    @Test
    void aPageIsCutFromTheMatchesAndReportsItsPlaceAndTheTotal() {
        IBundleProvider page = SearchPage.of(3, 2).cut(MATCHES);
        assertThat(page.getResources(0, Integer.MAX_VALUE)).extracting(r -> r.getIdElement().getIdPart())
                .containsExactly("item-3", "item-4");
        assertThat(page.size()).isEqualTo(7);
        assertThat(page.getCurrentPageOffset()).isEqualTo(3);
        assertThat(page.getCurrentPageSize()).isEqualTo(2);
    }

    @Test
    void withoutParametersThePageIsTheFirstOfTheDefaultSize() {
        assertThat(SearchPage.of(null, null)).isEqualTo(new SearchPage(0, SearchPage.DEFAULT_COUNT));
    }

    @Test
    void theCountIsBounded() {
        assertThat(SearchPage.of(0, 1_000_000).count()).isEqualTo(SearchPage.MAX_COUNT);
    }

    @Test
    void anOffsetBeyondTheMatchesIsAnEmptyPage() {
        IBundleProvider page = SearchPage.of(50, 10).cut(MATCHES);
        assertThat(page.getResources(0, Integer.MAX_VALUE)).isEmpty();
        assertThat(page.size()).isEqualTo(7);
    }

    @Test
    void includedResourcesComeWithTheirMatchesOnlyAndAreNotCounted() {
        IBundleProvider page = SearchPage.of(0, 2).cut(MATCHES,
                item -> List.of(new Medication().setId(item.getIdElement().getIdPart() + "-m")));
        assertThat(page.getResources(0, Integer.MAX_VALUE)).extracting(r -> r.getIdElement().getIdPart())
                .containsExactly("item-0", "item-1", "item-0-m", "item-1-m");
        assertThat(page.size()).isEqualTo(7);
    }

    @Test
    void whatTheSearchSaysComesOnTheFirstPageOnlyMarkedAsAnOutcomeAndIsNotCounted() {
        OperationOutcome said = new OperationOutcome();
        IBundleProvider first = SearchPage.of(0, 2).cut(MATCHES, List.of(said));
        assertThat(first.getResources(0, Integer.MAX_VALUE)).hasSize(3).last().isSameAs(said);
        assertThat(ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(said)).isEqualTo(BundleEntrySearchModeEnum.OUTCOME);
        assertThat(first.size()).isEqualTo(7);
        assertThat(first.getCurrentPageSize()).isEqualTo(2);
        assertThat(SearchPage.of(2, 2).cut(MATCHES, List.of(new OperationOutcome())).getResources(0, 10))
                .extracting(r -> r.getIdElement().getIdPart()).containsExactly("item-2", "item-3");
    }

    @Test
    void negativeValuesAreBadRequests() {
        assertThatThrownBy(() -> SearchPage.of(-1, 10)).isInstanceOfSatisfying(FhirRefusal.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> SearchPage.of(0, -1)).isInstanceOfSatisfying(FhirRefusal.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }
}
