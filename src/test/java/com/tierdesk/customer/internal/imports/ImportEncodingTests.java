package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ImportEncodingTests {

    private static final String CSV = "code,name,region\n{p}E1,张三丰,广东省深圳市\n{p}E2,欧阳娜娜,北京\n";

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    CustomerFixture f;

    @BeforeEach
    void fixtures() {
        f = new CustomerFixture(dir, imports, jdbc);
    }

    @Test
    void readsUtf8WithoutBom() {
        assertImportedChineseNames(f.run(ImportKind.CUSTOMERS, f.file("utf8.csv", CSV, StandardCharsets.UTF_8)));
    }

    @Test
    void readsUtf8WithBom() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(CSV.replace("{p}", f.p).getBytes(StandardCharsets.UTF_8));
        assertImportedChineseNames(f.run(ImportKind.CUSTOMERS, f.bytes("bom.csv", bytes.toByteArray())));
    }

    @Test
    void detectsGb18030AsChineseExcelWritesIt() {
        assertImportedChineseNames(f.run(ImportKind.CUSTOMERS, f.file("excel.csv", CSV, Charset.forName("GB18030"))));
    }

    @Test
    void readsADeclaredGbkFile() {
        Charset gbk = Charset.forName("GBK");
        assertImportedChineseNames(f.run(ImportRequest.of(ImportKind.CUSTOMERS, f.file("gbk.csv", CSV, gbk)).withCharset(gbk)));
    }

    @Test
    void undecodableBytesNameTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("code,name\n" + f.p + "E1,ok\n" + f.p + "E2,").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("张三".getBytes(Charset.forName("GBK")));
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        ImportReport report = f.run(ImportRequest.of(ImportKind.CUSTOMERS, f.bytes("mixed.csv", bytes.toByteArray()))
                .withCharset(StandardCharsets.UTF_8));
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isZero();
            assertThat(problem.reason().toString()).startsWith("line 3: bytes that are not valid UTF-8");
        });
        assertThat(f.customers()).isZero();
    }

    @Test
    void undecodableBytesAfterTheFirstBlockNameTheirLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(Files.readAllBytes(f.generated("lines.csv", "code,name", 5_000, i -> "{p}L" + i + ",Name")));
        bytes.writeBytes(new byte[] {'X', ',', (byte) 0xFF, (byte) 0xFE, '\n'});
        ImportReport report = f.run(ImportKind.CUSTOMERS, f.bytes("late.csv", bytes.toByteArray()));
        assertThat(report.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason().toString()).startsWith("line 5002: bytes that are not valid UTF-8"));
        assertThat(f.customers()).isZero();
    }

    private void assertImportedChineseNames(ImportReport report) {
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        assertThat(f.name("E1")).isEqualTo("张三丰");
        assertThat(f.name("E2")).isEqualTo("欧阳娜娜");
        assertThat(jdbc.sql("SELECT region FROM customer WHERE code = ?").param(f.p + "E1").query(String.class).single())
                .isEqualTo("广东省深圳市");
    }
}
