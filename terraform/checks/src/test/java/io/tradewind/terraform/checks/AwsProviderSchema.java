package io.tradewind.terraform.checks;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The AWS provider's schema as the generated CDKTF bindings ({@code com.hashicorp:cdktf-provider-aws}) encode it.
 * Resource {@code aws_s3_bucket} is package {@code …aws.s3_bucket} with the interface {@code S3BucketConfig};
 * data source {@code aws_region} is {@code …aws.data_aws_region.DataAwsRegionConfig}. Each argument is a getter
 * ({@code bucket_key_enabled} → {@code getBucketKeyEnabled()}); a nested block is an interface named after the
 * resource and the block path ({@code rule} → {@code S3BucketServerSideEncryptionConfigurationRule}, its
 * {@code apply_server_side_encryption_by_default} → {@code …RuleApplyServerSideEncryptionByDefault}).
 * Where a name would clash with another generated type, the generator appends "A" to it
 * ({@code S3BucketVersioningAConfig} but {@code S3BucketVersioningVersioningConfiguration};
 * {@code S3BucketServerSideEncryptionConfigurationAConfig} and {@code …ConfigurationRuleA}), so both are tried.
 * Classes are loaded without initialising them, so the jsii runtime (a Node.js process) never starts.
 */
public final class AwsProviderSchema {

    private static final String BASE_PACKAGE = "com.hashicorp.cdktf.providers.aws.";

    /** A resource's, data source's or nested block's argument set: the binding interface behind it. */
    public record Schema(Class<?> binding, String prefix, String suffix, String packageName) {

        public boolean hasArgument(String name) {
            String getter = "get" + camel(name);
            return Arrays.stream(binding.getMethods()).map(Method::getName)
                    .anyMatch(method -> method.equals(getter));
        }

        /** The nested block's schema, when the block exists here. */
        public Optional<Schema> block(String name) {
            if (!hasArgument(name)) {
                return Optional.empty();
            }
            String nestedPrefix = prefix + camel(name);
            return load(packageName + "." + nestedPrefix + suffix)
                    .or(() -> load(packageName + "." + nestedPrefix))
                    .map(nested -> new Schema(nested, nestedPrefix, suffix, packageName));
        }

        public boolean isTaggable() {
            return hasArgument("tags");
        }
    }

    private AwsProviderSchema() {
    }

    /** The schema of resource type {@code aws_…} (or data source, with {@code dataSource} true). */
    public static Optional<Schema> of(String type, boolean dataSource) {
        if (!type.startsWith("aws_")) {
            return Optional.empty();
        }
        String packageName = BASE_PACKAGE + (dataSource ? "data_" + type : type.substring("aws_".length()));
        String prefix = camel(packageName.substring(BASE_PACKAGE.length()));
        for (String suffix : new String[] {"", "A"}) {
            Optional<Class<?>> config = load(packageName + "." + prefix + suffix + "Config");
            if (config.isPresent()) {
                return Optional.of(new Schema(config.get(), prefix, suffix, packageName));
            }
        }
        return Optional.empty();
    }

    static String camel(String snake) {
        StringBuilder camel = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                camel.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return camel.toString();
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, AwsProviderSchema.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
