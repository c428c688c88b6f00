package fr.passerelle.terminology.load;

import fr.passerelle.terminology.TerminologyLoadException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an RFC 4180 CSV file (UTF-8, comma separated, double-quoted fields, header line naming the columns,
 * lines starting with {@code #} ignored). A field may not span lines. Every error names the file and line.
 */
final class CsvLines {

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
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int lineNo = 0;
            List<String> header = null;
            while ((text = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(text, file, lineNo);
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
            if (header == null) {
                throw new TerminologyLoadException(file.toString(), "empty CSV file: no header line");
            }
            return new Table(List.copyOf(header), rows);
        } catch (CharacterCodingException e) {
            throw new TerminologyLoadException(file.toString(), "not UTF-8 text", e);
        } catch (IOException e) {
            throw new TerminologyLoadException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    static List<String> split(String line, Path file, int lineNo) throws TerminologyLoadException {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new TerminologyLoadException(file + ":" + lineNo, "unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new TerminologyLoadException(file + ":" + lineNo,
                            "unexpected character after quoted field at column " + (i + 1));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new TerminologyLoadException(file + ":" + lineNo,
                                "quote inside an unquoted field at column " + i);
                    }
                    field.append(c);
                }
            }
            out.add(field.toString());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }
}
