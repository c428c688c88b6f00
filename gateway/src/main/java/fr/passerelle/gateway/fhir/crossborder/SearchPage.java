package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One page of a search, cut statelessly: the page's place travels in the links ({@code _offset}, {@code _count}),
 * so any node of a cluster answers the next page without a shared search store — HAPI writes the
 * {@code next}/{@code previous} links from the offset and page size this provider reports. Each page re-runs the
 * search (its access checks and audit included); the lists are small (a patient's documents or prescription
 * items), which is what makes that cheaper than keeping search state.
 *
 * @param offset the first match of the page (0-based)
 * @param count  the most matches on the page, never more than {@link #MAX_COUNT}
 */
record SearchPage(int offset, int count) {

    /** The page size when {@code _count} is not given. */
    static final int DEFAULT_COUNT = 20;
    /** The largest page served, whatever {@code _count} asks: bounds the work and the size of one answer. */
    static final int MAX_COUNT = 100;

    SearchPage {
        if (offset < 0) {
            throw FhirRefusal.invalid("_offset must be 0 or more");
        }
        if (count < 0) {
            throw FhirRefusal.invalid("_count must be 0 or more");
        }
        count = Math.min(count, MAX_COUNT);
    }

    /** The page asked by {@code _offset} and {@code _count} (either may be absent). */
    static SearchPage of(Integer offset, Integer count) {
        return new SearchPage(offset == null ? 0 : offset, count == null ? DEFAULT_COUNT : count);
    }

    /** The page of {@code matches}, with what each match on it brings along ({@code _include}), not counted. */
    <T extends IBaseResource> IBundleProvider cut(List<T> matches, Function<T, List<IBaseResource>> included) {
        int from = Math.min(offset, matches.size());
        int to = Math.min(matches.size(), from + count);
        List<IBaseResource> page = new ArrayList<>(matches.subList(from, to));
        for (T match : matches.subList(from, to)) {
            page.addAll(included.apply(match));
        }
        SimpleBundleProvider provider = new SimpleBundleProvider(page);
        provider.setSize(matches.size());
        provider.setCurrentPageOffset(from);
        provider.setCurrentPageSize(count);
        return provider;
    }

    <T extends IBaseResource> IBundleProvider cut(List<T> matches) {
        return cut(matches, match -> List.of());
    }

    /**
     * As {@link #cut(List)}, with what the search has to say about it ({@code outcomes}: OperationOutcomes, search
     * mode {@code outcome}) on its first page, not counted.
     */
    <T extends IBaseResource> IBundleProvider cut(List<T> matches, List<? extends IBaseResource> outcomes) {
        if (outcomes.isEmpty() || offset > 0) {
            return cut(matches);
        }
        outcomes.forEach(o -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(o, BundleEntrySearchModeEnum.OUTCOME));
        IBundleProvider cut = cut(matches);
        List<IBaseResource> page = new ArrayList<>(cut.getResources(0, count));
        page.addAll(outcomes);
        SimpleBundleProvider provider = new SimpleBundleProvider(page);
        provider.setSize(cut.size());
        provider.setCurrentPageOffset(0);
        provider.setCurrentPageSize(count);
        return provider;
    }
}
