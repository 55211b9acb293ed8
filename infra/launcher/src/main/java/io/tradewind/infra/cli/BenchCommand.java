package io.tradewind.infra.cli;

import io.tradewind.infra.bench.BenchResult;
import io.tradewind.infra.bench.ImportBenchmark;
import io.tradewind.infra.bench.RetrainBenchmark;
import io.tradewind.infra.bench.ServeBenchmark;
import io.tradewind.infra.bench.StreamBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark: prints a table of measured figures (with goals and ratios) and writes the same "
                + "to target/bench/NAME.json with the machine it ran on. Benchmarks: retrain, serve, stream, import.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark to run: retrain, serve, stream or import.")
    String name;

    @Option(names = "--input", description = "Online Retail CSV (default: ../shared/data/online_retail.csv.gz).")
    Path input;

    @Option(names = "--api-jvm", defaultValue = "-Xms1g -Xmx1g -XX:+UseZGC -XX:+AlwaysPreTouch",
            description = "serve: JVM options of the API process (default: ${DEFAULT-VALUE}).")
    String apiJvm;

    @Option(names = "--rates", split = ",", defaultValue = "1000,5000,10000,20000",
            description = "stream: event rates to try in turn, per second (default: ${DEFAULT-VALUE}); stops at the "
                    + "first the job cannot keep up with.")
    List<Integer> rates;

    @Override
    public Integer call() throws Exception {
        Path data = SharedFiles.onlineRetail(input);
        Path benchDir = SharedFiles.home().resolve("target").resolve("bench");
        BenchResult result = switch (name) {
            case "retrain" -> new RetrainBenchmark(data, benchDir.resolve("retrain-work"), new ConsoleProgress())
                    .run(System.out);
            case "serve" -> new ServeBenchmark(data, benchDir.resolve("serve-work"),
                    List.of(apiJvm.trim().split("\\s+")), new ConsoleProgress()).run(System.out);
            case "import" -> new ImportBenchmark(data, benchDir.resolve("import-work"), Integer.MAX_VALUE,
                    new ConsoleProgress()).run(System.out);
            case "stream" -> new StreamBenchmark(data, benchDir.resolve("stream-work"), rates, new ConsoleProgress())
                    .run(System.out);
            default -> throw new IllegalArgumentException("unknown benchmark '" + name + "' (known: retrain, serve, stream, import)");
        };
        result.print(System.out);
        System.out.println("Figures written to " + result.write(benchDir).toAbsolutePath().normalize());
        return 0;
    }
}
