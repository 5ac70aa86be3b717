import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes customers.csv and orders.csv in TierDesk's import format, for benchmarks when the
 * {@code tierdesk demo-data} command is not available. Run: java GenerateImportFiles.java CUSTOMERS ORDERS_PER_CUSTOMER DIR
 */
public class GenerateImportFiles {

    private static final String[] REGIONS = {"上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "山东"};
    private static final String[] STATUSES = {"PAID", "PAID", "PAID", "DELIVERED", "SHIPPED", "REFUNDED", "CANCELLED", "PLACED"};

    public static void main(String[] args) throws IOException {
        int customers = Integer.parseInt(args[0]);
        int ordersPerCustomer = Integer.parseInt(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        SplittableRandom random = new SplittableRandom(20240101);
        String[] days = new String[730];
        LocalDate first = LocalDate.of(2023, 7, 1);
        for (int d = 0; d < days.length; d++) {
            days[d] = first.plusDays(d).toString();
        }
        try (Writer c = writer(dir.resolve("customers.csv")); Writer o = writer(dir.resolve("orders.csv"))) {
            c.write("code,name,kind,industry,contact_person,phone,email,region,birthday,registered_on,"
                    + "membership_expires_on,owner,consent_marketing,consent_sms,consent_email,tags\n");
            o.write("external_id,customer_code,amount,refund_amount,placed_at,paid_at,status\n");
            StringBuilder b = new StringBuilder(4096);
            long orderNo = 0;
            for (int i = 1; i <= customers; i++) {
                String code = String.format("C%08d", i);
                boolean company = random.nextInt(10) == 0;
                b.setLength(0);
                b.append(code).append(',').append(company ? "企业客户" : "客户").append(i).append(',')
                        .append(company ? "COMPANY" : "PERSON").append(',').append(company ? "retail" : "").append(',')
                        .append(company ? "联系人" : "").append(",1").append(3 + random.nextInt(7))
                        .append(String.format("%09d", i)).append(',').append(code.toLowerCase()).append("@example.com,")
                        .append(REGIONS[random.nextInt(REGIONS.length)]).append(',')
                        .append(company ? "" : LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                        .append(',').append(days[random.nextInt(120)]).append(",,,")
                        .append(random.nextBoolean()).append(',').append(random.nextBoolean()).append(',')
                        .append(random.nextBoolean()).append(',').append(random.nextInt(3) == 0 ? "vip;online" : "online").append('\n');
                c.append(b);
                for (int j = 0; j < ordersPerCustomer; j++) {
                    orderNo++;
                    String status = STATUSES[random.nextInt(STATUSES.length)];
                    int cents = 500 + random.nextInt(200_000);
                    String day = days[random.nextInt(days.length)];
                    int hour = random.nextInt(24);
                    int minute = random.nextInt(60);
                    b.setLength(0);
                    b.append('O').append(String.format("%010d", orderNo)).append(',').append(code).append(',')
                            .append(cents / 100).append('.').append(two(cents % 100)).append(',')
                            .append(status.equals("REFUNDED") ? (cents / 200) + "." + two(cents % 100 / 2) : "0").append(',')
                            .append(day).append('T').append(two(hour)).append(':').append(two(minute)).append(":00+08:00,");
                    if (!status.equals("PLACED")) {
                        int paidMinute = minute < 30 ? minute + 20 : minute;
                        b.append(day).append('T').append(two(hour)).append(':').append(two(paidMinute)).append(":30+08:00");
                    }
                    b.append(',').append(status).append('\n');
                    o.append(b);
                }
            }
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    }
}
