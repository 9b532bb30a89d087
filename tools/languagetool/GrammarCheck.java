import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;

/**
 * Counts LanguageTool's grammar matches (category GRAMMAR: agreement, government, word order) over the texts
 * on stdin, one text per line. Spelling is left to Hunspell. Usage: java GrammarCheck ru|en < texts.txt
 * Prints: texts, sentences, grammar matches, then one line per rule id with its count and an example.
 */
public class GrammarCheck {
  public static void main(String[] args) throws Exception {
    JLanguageTool tool = new JLanguageTool(Languages.getLanguageForShortCode(args[0].equals("en") ? "en-GB" : args[0]));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int texts = 0, sentences = 0, grammar = 0;
    Map<String, Integer> byRule = new TreeMap<>();
    Map<String, String> example = new TreeMap<>();
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank()) continue;
      texts++;
      sentences += tool.sentenceTokenize(line).size();
      List<RuleMatch> matches = tool.check(line);
      for (RuleMatch m : matches) {
        if (!"GRAMMAR".equals(m.getRule().getCategory().getId().toString())) continue;
        grammar++;
        String id = m.getRule().getId();
        byRule.merge(id, 1, Integer::sum);
        example.putIfAbsent(id, line.substring(Math.max(0, m.getFromPos() - 30), Math.min(line.length(), m.getToPos() + 30)));
      }
    }
    System.out.println("texts " + texts);
    System.out.println("sentences " + sentences);
    System.out.println("grammar " + grammar);
    for (var e : byRule.entrySet()) System.out.println("rule " + e.getKey() + " " + e.getValue() + " " + example.get(e.getKey()));
  }
}
