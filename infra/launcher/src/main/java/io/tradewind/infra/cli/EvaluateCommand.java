package io.tradewind.infra.cli;

import io.tradewind.core.eval.EvaluationReport;
import io.tradewind.core.eval.OrIncEvaluation;
import io.tradewind.core.eval.OrtEvaluation;
import io.tradewind.core.eval.ReportJson;
import io.tradewind.core.eval.Track;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Offline evaluation under ../shared/eval/PROTOCOL.md: hyper-parameters tuned on the validation "
                + "split, one run on the test split, results in the peers' result-file shape.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--protocol", defaultValue = "or-t", description = "Protocol (supported: or-t, or-inc).")
    String protocol;

    @Option(names = "--data", required = true, description = "UCI Online Retail CSV (online_retail.csv.gz).")
    Path data;

    @Option(names = "--out", required = true, description = "Result JSON file to write.")
    Path out;

    @Option(names = "--models", split = ",", description = "Model families to run (default: all).")
    List<String> models = new ArrayList<>();

    @Option(names = "--quick", description = "A few grid points per family instead of the full grids.")
    boolean quick;

    @Option(names = "--peers", description = "Peer result file to compare with (default: ../shared/eval/peers.json).")
    Path peers;

    @Override
    public Integer call() throws Exception {
        boolean orInc = "or-inc".equalsIgnoreCase(protocol);
        if (!"or-t".equalsIgnoreCase(protocol) && !orInc) {
            throw new IllegalArgumentException("unknown protocol '" + protocol + "' (supported: or-t, or-inc)");
        }
        if (!Files.isReadable(data)) {
            throw new IllegalArgumentException("cannot read --data " + data + ": give the UCI Online Retail CSV");
        }
        if (orInc) {
            EvaluationReport report = OrIncEvaluation.runAndWrite(data, out, quick,
                    Runtime.getRuntime().availableProcessors(), new ConsoleProgress());
            printOrInc(report, System.out);
            System.out.println("Results written to " + out.toAbsolutePath());
            return 0;
        }
        EvaluationReport report = OrtEvaluation.run(data,
                OrtEvaluation.Options.defaults().withModels(models).withQuick(quick), new ConsoleProgress());
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        ReportJson.write(report, out);
        Path peerFile = peers != null ? peers : SharedFiles.peers();
        print(report, PeerResults.read(peerFile), System.out);
        System.out.println("Results written to " + out.toAbsolutePath());
        return 0;
    }

    /** The OR-INC table: every variant per track, with the replay and full-fit seconds. */
    static void printOrInc(EvaluationReport report, PrintStream out) {
        for (Track track : Track.values()) {
            out.printf("%nOR-INC track %s%n%-7s %-24s %8s %10s %8s%n", track, "model", "variant", "NDCG@10",
                    "Recall@20", "fit s");
            for (EvaluationReport.Result r : report.results()) {
                if (r.track() == track) {
                    out.printf("%-7s %-24s %8.4f %10.4f %8.2f%n", r.model(), r.variant(), r.metrics().at(10).ndcg(),
                            r.metrics().at(20).recall(), r.fitSeconds());
                }
            }
        }
    }

    static void print(EvaluationReport report, Optional<PeerResults> peers, PrintStream out) {
        for (Track track : Track.values()) {
            out.printf("%nOR-T track %s%n%-11s %8s %10s %7s  %s%n", track, "model", "NDCG@10", "Recall@20", "fit s",
                    "params (chosen on validation)");
            double bestNdcg = 0;
            double bestRecall = 0;
            for (EvaluationReport.Result r : report.results()) {
                if (r.track() != track || !r.variant().isEmpty()) {
                    continue;
                }
                double ndcg = r.metrics().at(10).ndcg();
                double recall = r.metrics().at(20).recall();
                bestNdcg = Math.max(bestNdcg, ndcg);
                bestRecall = Math.max(bestRecall, recall);
                out.printf("%-11s %8.4f %10.4f %7.2f  %s%n", r.model(), ndcg, recall, r.fitSeconds(), r.params());
            }
            final double ndcg = bestNdcg;
            final double recall = bestRecall;
            peers.map(p -> p.bestByTrack().get(track.name())).ifPresent(best -> out.printf(
                    "best peer: NDCG@10 %.4f (%s), Recall@20 %.4f (%s) -> Tradewind %s both%n",
                    best.ndcgAt10(), best.ndcgModel(), best.recallAt20(), best.recallModel(),
                    ndcg > best.ndcgAt10() && recall > best.recallAt20() ? "beats" : "does NOT beat"));
        }
    }
}
