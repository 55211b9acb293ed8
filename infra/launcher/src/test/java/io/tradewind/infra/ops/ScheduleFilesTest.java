package io.tradewind.infra.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The readers {@link ScheduleExamplesTest} relies on refuse what cron or Airflow would refuse or run differently:
 * each check is shown failing on a copy of the real file with one thing broken.
 */
class ScheduleFilesTest {
    static String crontab() throws Exception {
        return Files.readString(ScheduleExamplesTest.CRONTAB);
    }

    static String dag() throws Exception {
        return Files.readString(ScheduleExamplesTest.DAG_FILE);
    }

    @Test
    void theCrontabReadsAsOneJobWithItsEnvironment() throws Exception {
        ScheduleCrontab parsed = ScheduleCrontab.parse(crontab());
        assertEquals(1, parsed.jobs().size());
        assertTrue(parsed.jobs().get(0).command().contains("\"$(date -u +%Y-%m-%dT00:00:00Z)\""),
                "\\% reaches the shell as %: " + parsed.jobs().get(0).command());
        assertEquals("/bin/sh", parsed.environment().get("SHELL"));
    }

    @Test
    void anUnescapedPercentInTheCommandIsRefused() throws Exception {
        String broken = crontab().replace("\\%", "%");
        assertNotEquals(crontab(), broken);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleCrontab.parse(broken));
        assertTrue(e.getMessage().contains("unescaped % (cron ends the command there"), e.getMessage());
    }

    @Test
    void timeFieldsOutOfRangeOrMissingAreRefused() throws Exception {
        String job = crontab().lines().filter(l -> l.startsWith("0 2 ")).findFirst().orElseThrow();
        IllegalArgumentException minute = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCrontab.parse(crontab().replace(job, "60" + job.substring(1))));
        assertTrue(minute.getMessage().contains("minute '60' is outside 0-59"), minute.getMessage());
        IllegalArgumentException hour = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCrontab.parse(crontab().replace(job, "0 24" + job.substring(3))));
        assertTrue(hour.getMessage().contains("hour '24' is outside 0-23"), hour.getMessage());
        IllegalArgumentException four = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCrontab.parse(crontab().replace(job, job.replaceFirst("\\* \\* \\* ", "* * "))));
        assertTrue(four.getMessage().contains("day of week 'cd' is not *, a number, a range or a step"), four.getMessage());
        IllegalArgumentException macro = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCrontab.parse(crontab().replace(job, "@daily" + job.substring(9))));
        assertTrue(macro.getMessage().contains("@daily instead of five time fields"), macro.getMessage());
        ScheduleCrontab.checkTimeFields(List.of("*/15", "1-5", "1,15", "jan", "mon"), "ranges, steps, lists and names");
    }

    @Test
    void aLastLineWithoutNewlineIsRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleCrontab.parse(crontab().stripTrailing()));
        assertTrue(e.getMessage().contains("no newline"), e.getMessage());
    }

    @Test
    void theDagReadsAsTwoTasksInOrder() throws Exception {
        ScheduleDag parsed = ScheduleDag.parse(dag());
        assertEquals(List.of("retrain", "publish"), List.copyOf(parsed.tasks().keySet()));
        assertEquals(List.of(List.of("retrain", "publish")), parsed.dependencies());
        assertTrue(parsed.tasks().get("retrain").bashCommand().contains(" --as-of {{ ds }}T00:00:00Z "),
                "adjacent literals joined: " + parsed.tasks().get("retrain").bashCommand());
    }

    @Test
    void aReversedOrderOrAMissingDependencyShows() throws Exception {
        assertEquals(List.of(List.of("publish", "retrain")),
                ScheduleDag.parse(dag().replace("retrain >> publish", "publish >> retrain")).dependencies());
        assertEquals(List.of(), ScheduleDag.parse(dag().replace("retrain >> publish", "")).dependencies());
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> ScheduleDag.parse(dag().replace("retrain >> publish", "[retrain] >> publish")));
        assertTrue(list.getMessage().contains("dependencies only as 'a >> b >> c'"), list.getMessage());
    }

    @Test
    void anFStringIsRefusedBecausePythonWouldEatTheTemplatesBraces() throws Exception {
        String broken = dag().replace("\" --as-of {{ ds }}", "f\" --as-of {{ ds }}");
        assertNotEquals(dag(), broken);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleDag.parse(broken));
        assertTrue(e.getMessage().contains("an f-string"), e.getMessage());
    }

    @Test
    void aBashCommandThatIsNotALiteralIsRefused() throws Exception {
        String broken = dag().replace("bash_command=\"cd /opt/tradewind && ./tradewind publish",
                "bash_command=PUBLISH,\n        unused=\"cd /opt/tradewind && ./tradewind publish");
        assertNotEquals(dag(), broken);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleDag.parse(broken));
        assertTrue(e.getMessage().contains("task publish has no bash_command string"), e.getMessage());
    }

    /** Python itself, where the machine has it: the DAG file compiles (Airflow cannot be imported here). */
    @Test
    void theDagIsValidPython() throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v python3").start();
        assumeTrue(which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0, "no python3 on this machine");
        Process compile = new ProcessBuilder("python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read(), "
                + "sys.argv[1])", ScheduleExamplesTest.DAG_FILE.toString()).redirectErrorStream(true).start();
        String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(compile.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, compile.exitValue(), output);
    }
}
