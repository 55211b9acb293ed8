package io.tradewind.contracts.masterdata;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * What an append added. {@code written + alreadyPresent} is the number of events offered.
 *
 * @param alreadyPresent events dropped because their id was already in the partition (a re-import)
 * @param files          the data files added, fully qualified
 * @param partitions     dates that received a new file
 */
public record AppendResult(long written, long alreadyPresent, List<URI> files, List<LocalDate> partitions) {
}
