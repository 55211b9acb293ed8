package io.tradewind.infra.cli;

import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.Role;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create an API key (printed once; only its SHA-256 hash is stored).")
final class KeysCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "Who the key is for (shown in the audit log).")
    String name;

    @Option(names = "--role", required = true, description = "shop or admin.")
    Role role;

    @Option(names = "--file", description = "API key file (default: the configuration's api.keys-file, which a running "
            + "serve or demo names, else target/serving/api-keys.json).")
    Path file;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Platform configuration file (default: $TRADEWIND_CONFIG, else the running serve or demo's).")
    Path config;

    static Path defaultFile() {
        return SharedFiles.home().resolve("target").resolve("serving").resolve("api-keys.json").toAbsolutePath().normalize();
    }

    @Override
    public Integer call() throws java.io.IOException {
        Path target = file != null ? file
                : ConfigFiles.resolve(config, true).path(PlatformKeys.API_KEYS_FILE).orElseGet(KeysCommand::defaultFile);
        String key = ApiKeyStore.open(target).create(name, role);
        System.out.println(key);
        System.err.println("API key '" + name + "' (role " + role.name().toLowerCase() + ") added to " + target
                + "; running APIs accept it within a second.");
        return 0;
    }
}
