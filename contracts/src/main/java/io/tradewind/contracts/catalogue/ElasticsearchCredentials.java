package io.tradewind.contracts.catalogue;

import io.tradewind.contracts.config.ConfigException;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user every Elasticsearch client of the platform (the API, publish, the speed layer's trending sink) sends with
 * each request, as HTTP basic authentication. Read from the environment only ({@code elasticsearch.username} and
 * {@code elasticsearch.password} are secrets); {@link #toString()} never shows the password.
 */
public record ElasticsearchCredentials(String username, String password) implements Serializable {
    public static final String HEADER = "Authorization";

    public ElasticsearchCredentials {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an Elasticsearch user needs a name and a password");
        }
    }

    /** The configuration's user, if it names one; only one of the two keys set is an error naming the other. */
    public static Optional<ElasticsearchCredentials> from(PlatformConfig config) {
        Optional<String> user = config.text(PlatformKeys.ELASTICSEARCH_USERNAME);
        Optional<String> password = config.text(PlatformKeys.ELASTICSEARCH_PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            var missing = user.isPresent() ? PlatformKeys.ELASTICSEARCH_PASSWORD : PlatformKeys.ELASTICSEARCH_USERNAME;
            throw new ConfigException(missing.name() + " is not set but "
                    + (user.isPresent() ? PlatformKeys.ELASTICSEARCH_USERNAME : PlatformKeys.ELASTICSEARCH_PASSWORD).name()
                    + " is: set both (" + PlatformKeys.ELASTICSEARCH_USERNAME.environmentVariable() + ", "
                    + PlatformKeys.ELASTICSEARCH_PASSWORD.environmentVariable() + ") or neither");
        }
        return user.map(u -> new ElasticsearchCredentials(u, password.orElseThrow()));
    }

    /** The value of the {@value #HEADER} header. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ElasticsearchCredentials[username=" + username + ", password=***]";
    }
}
