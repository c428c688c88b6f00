package fr.passerelle.terminology.catalogue;

import java.util.List;

/** Counts of one loaded snapshot, for the import summary, metrics and logs. */
public record CatalogueStatistics(int valueSets, int valueSetMembers, int concepts, int mappedSourceCodes,
                                  int designations, int codedElements, List<String> sources) {
}
