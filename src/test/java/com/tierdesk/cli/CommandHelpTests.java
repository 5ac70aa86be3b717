package com.tierdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The usage help of every command reads in the language of the system locale, as the command line's other messages:
 * Chinese when it is Chinese, English otherwise; no option goes without its description.
 */
@SpringBootTest
class CommandHelpTests {

    @Autowired
    ApplicationContext context;

    @Test
    void helpIsChineseWhenTheSystemIsChinese() {
        String root = in(Locale.SIMPLIFIED_CHINESE, () -> help("--help"));
        assertThat(root).contains("用法：", "TierDesk 的批处理工作：导入、演示数据和评估。", "显示此帮助信息并退出。", "命令：");
        String importHelp = in(Locale.TRADITIONAL_CHINESE, () -> help("import", "--help"));
        assertThat(importHelp).contains("从 CSV 或 JSON 文件导入客户、订单或互动记录", "CSV 或 JSON 文件",
                "退出码：0 全部行已导入", "  tierdesk import orders CDNOW_master.txt");
        assertThat(in(Locale.SIMPLIFIED_CHINESE, () -> help("demo-data", "--help"))).contains("客户数量（默认 3000）。");
    }

    @Test
    void helpIsEnglishOtherwise() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRANCE}) {
            String root = in(locale, () -> help("--help"));
            assertThat(root).contains("Usage: tierdesk", "Batch work for TierDesk: imports, demo data and assessments.",
                    "Show this help message and exit.", "Commands:");
            assertThat(in(locale, () -> help("token", "--help"))).contains("Issues an API token for an account",
                    "The account to act as (default: the system user's", "account's: AGENT, SENIOR_AGENT");
        }
    }

    @Test
    void everyCommandAndEveryOptionIsDescribedInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            in(locale, () -> {
                CommandLine root = root();
                assertThat(root.getCommandSpec().usageMessage().description()).as("tierdesk").isNotEmpty();
                for (CommandLine command : root.getSubcommands().values()) {
                    assertThat(command.getCommandSpec().usageMessage().description()).as(command.getCommandName())
                            .isNotEmpty();
                    for (ArgSpec arg : command.getCommandSpec().args()) {
                        assertThat(String.join("", arg.description())).as("%s %s in %s", command.getCommandName(),
                                arg.paramLabel(), locale).isNotBlank();
                    }
                }
                return null;
            });
        }
    }

    @Test
    void bothBundlesHoldTheSameKeysInTheirOwnLanguage() throws IOException {
        Properties english = bundle("CommandHelp.properties");
        Properties chinese = bundle("CommandHelp_zh.properties");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            if (!english.getProperty(key).isEmpty() && !key.startsWith("tierdesk.import.usage.footer")) {
                assertThat(chinese.getProperty(key)).as(key).isNotEqualTo(english.getProperty(key));
            }
        }
    }

    private String help(String... args) {
        CommandLine root = root();
        var out = new StringWriter();
        root.setOut(new PrintWriter(out, true));
        root.execute(args);
        return out.toString();
    }

    /** The commands as {@link CommandLineEntry} assembles them. */
    private CommandLine root() {
        CommandLine root = new CommandLine(new TierDeskCommand());
        context.getBeansWithAnnotation(Command.class).values().stream()
                .sorted(Comparator.comparing(bean -> bean.getClass().getSimpleName()))
                .forEach(root::addSubcommand);
        return root;
    }

    private static <T> T in(Locale locale, Supplier<T> work) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return work.get();
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = CommandHelpTests.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
