import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an orders sheet for the .xlsx import benchmark through SXSSF (100 rows in memory): external id, customer
 * code, amount (a number), placed and paid times (date-formatted cells), and status.
 * Usage: java -cp POI_CLASSPATH XlsxOrders.java FILE ROWS CUSTOMERS
 */
public class XlsxOrders {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int customers = Integer.parseInt(args[2]);
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 9, 0);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Sheet sheet = workbook.createSheet("订单");
            Row header = sheet.createRow(0);
            String[] names = {"external_id", "customer_code", "amount", "placed_at", "paid_at", "status"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                LocalDateTime placed = start.plusMinutes(i % 500_000L);
                row.createCell(0).setCellValue("X" + i);
                row.createCell(1).setCellValue("XC" + (i % customers));
                row.createCell(2).setCellValue((i % 100_000) / 100.0 + 1);
                row.createCell(3).setCellValue(placed);
                row.getCell(3).setCellStyle(time);
                row.createCell(4).setCellValue(placed.plusMinutes(7));
                row.getCell(4).setCellStyle(time);
                row.createCell(5).setCellValue("PAID");
            }
            workbook.write(out);
        }
    }
}
