package io.tradewind.contracts.views;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON mapper for view rows and registry cells. */
public final class ViewJson {
    /**
     * Unknown properties are ignored because the batch layer writes derived getters too (a portrait's
     * {@code newUser}); a row that is not JSON or lacks its id still fails the load.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // two rows glued on one line are corrupt
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ViewJson() {
    }
}
