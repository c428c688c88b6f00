package fr.passerelle.terminology.load;

import fr.passerelle.terminology.TerminologyLoadException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RFC 4180 CSV file with Commons CSV (UTF-8, comma separated, double-quoted fields that may span lines,
 * header line naming the columns, lines starting with {@code #} ignored). Every error names the file and the line
 * where the row starts.
 */
final class CsvLines {

    /** Empty lines are kept as records so that the parser's line count stays exact; they are skipped here. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(false).get();
    /** Commons CSV names the line in its messages: "(startline 3) …", "… at line: 3, position: 12". */
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line:? ([0-9][0-9,]*)");

    /** One data line: its number in the file and its fields by column name. */
    record Row(Path file, int line, Map<String, String> fields) {

        String required(String column) throws TerminologyLoadException {
            String v = fields.get(column);
            if (v == null || v.isBlank()) {
                throw new TerminologyLoadException(file + ":" + line, "column '" + column + "' is empty");
            }
            return v.strip();
        }

        String optional(String column) {
            String v = fields.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** A whole file: its header (lower-case column names) and its data lines. */
    record Table(List<String> header, List<Row> rows) {
    }

    private CsvLines() {
    }

    static List<Row> read(Path file, List<String> requiredColumns) throws TerminologyLoadException {
        return readTable(file, requiredColumns).rows();
    }

    static Table readTable(Path file, List<String> requiredColumns) throws TerminologyLoadException {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(in);
            CSVParser parser = CSVParser.parse(in, FORMAT);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long before = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw refusal(file, (int) before + 1, e.getCause());
                }
                int lineNo = (int) before + 1 + commentLines(record);
                if (record.size() == 0 || record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                List<String> fields = record.toList();
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : fields) {
                        header.add(h.strip().toLowerCase(Locale.ROOT));
                    }
                    for (String c : requiredColumns) {
                        if (!header.contains(c)) {
                            throw new TerminologyLoadException(file + ":" + lineNo,
                                    "header lacks column '" + c + "' (expected " + String.join(",", requiredColumns) + ")");
                        }
                    }
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw new TerminologyLoadException(file + ":" + lineNo,
                            "expected " + header.size() + " fields, found " + fields.size());
                }
                Map<String, String> byName = new HashMap<>(header.size() * 2);
                for (int i = 0; i < header.size(); i++) {
                    byName.put(header.get(i), fields.get(i));
                }
                rows.add(new Row(file, lineNo, byName));
            }
        } catch (IOException e) {
            throw refusal(file, -1, e);
        }
        if (header == null) {
            throw new TerminologyLoadException(file.toString(), "empty CSV file: no header line");
        }
        return new Table(List.copyOf(header), rows);
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    /** Comment lines just before a record are handed over with it (joined by LF), so they shift its first line. */
    private static int commentLines(CSVRecord record) {
        String comment = record.getComment();
        return comment == null ? 0 : (int) comment.chars().filter(c -> c == '\n').count() + 1;
    }

    private static TerminologyLoadException refusal(Path file, int line, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new TerminologyLoadException(file.toString(), "not UTF-8 text", e);
        }
        if (e instanceof CSVException) {
            String message = String.valueOf(e.getMessage());
            Matcher named = LINE_IN_MESSAGE.matcher(message);
            String where = file + ":" + (named.find() ? named.group(1).replace(",", "") : String.valueOf(line));
            if (message.contains("EOF reached before encapsulated token finished")) {
                return new TerminologyLoadException(where, "unterminated quoted field", e);
            }
            if (message.contains("Invalid character between encapsulated token and delimiter")) {
                return new TerminologyLoadException(where, "unexpected character after a quoted field", e);
            }
            return new TerminologyLoadException(where, "malformed CSV: " + message, e);
        }
        return new TerminologyLoadException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
}
