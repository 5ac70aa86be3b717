package com.tierdesk.customer.internal.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and chunking of the bulk import.
 *
 * @param maxBytes         the largest file accepted
 * @param chunkRows        rows handed to the stage table at a time (two chunks are in memory at most)
 * @param problemsInMemory problems of a report held in memory; a report with more keeps them in a temporary file
 * @param progressEvery    rows between two progress reports
 */
@ConfigurationProperties("tierdesk.import")
record ImportSettings(@DefaultValue("8GB") DataSize maxBytes, @DefaultValue("100000") int chunkRows,
        @DefaultValue("10000") int problemsInMemory, @DefaultValue("5000") int progressEvery) {
}
