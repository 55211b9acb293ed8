package io.tradewind.serving.store;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.hbase.TableNotFoundException;

/** Turns HBase client failures into the contract's {@link StoreUnavailableException}. */
final class StoreCalls {
    private StoreCalls() {
    }

    interface Call<T> {
        T call() throws IOException;
    }

    static <T> T unavailableOnFailure(String what, Call<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new StoreUnavailableException("HBase did not answer " + what + ": " + e.getMessage(), e,
                    StoreUnavailableException.RECOMMENDATIONS_STORE);
        }
    }

    /** As {@link #unavailableOnFailure}, but a table nobody has created yet reads as "nothing there". */
    static <T> Optional<T> emptyIfNoTable(String what, Call<Optional<T>> call) {
        return unavailableOnFailure(what, () -> {
            try {
                return call.call();
            } catch (TableNotFoundException beforeFirstLoad) {
                return Optional.empty();
            }
        });
    }
}
