import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knowledge search benchmark's client, run as a single-file program.
 *
 * <pre>
 * java KnowledgeLoad.java load URL TOKEN COUNT CLIENTS            # COUNT articles written and published by the API
 * java KnowledgeLoad.java search URL TOKEN WARMUP REQUESTS MARK   # searches over the 50 fixed queries, in turn
 * java KnowledgeLoad.java article N                               # article N as generated (to look at the text)
 * </pre>
 *
 * Articles are generated deterministically from their number and the after-sales vocabulary below: 70 % in Chinese
 * (some with Latin words such as VIP, SKU or iPhone), 30 % in English; titles of 5 to 30 characters, bodies of 200
 * to 2,000, one to three tags. Each is one {@code POST /api/v1/knowledge/articles} (a draft, indexed) and one
 * {@code POST .../publish}. Searches go round {@link #QUERIES}; the measured ones carry {@code m=MARK}, so that the
 * server's access log tells them apart, and the client prints its own timings beside.
 */
public class KnowledgeLoad {

    /** Chinese of 2 to 6 characters, English of 1 to 3 words, and both mixed. */
    static final List<String> QUERIES = List.of(
            "退货", "退款", "换货", "发票", "保修", "物流查询", "快递丢件", "七天无理由", "退款到账", "上门取件",
            "电子发票", "会员积分", "优惠券", "价格保护", "以旧换新", "包装破损", "错发漏发", "安装服务", "延保服务",
            "分期付款", "修改地址", "取消订单", "手机维修", "冰箱安装", "运费险理赔", "专用发票", "签收",
            "refund", "return", "exchange", "warranty", "invoice", "shipping delay", "damaged package",
            "coupon code", "loyalty points", "cancel order", "change address", "price protection", "trade in",
            "installation", "return label", "lost parcel", "VAT invoice",
            "VIP 退货", "iPhone 保修", "SKU 换货", "PDF 发票", "App 退款", "refund 到账");

    static final String[] ZH_TOPICS = {"退货", "换货", "退款", "发票", "物流", "快递", "配送", "保修", "维修", "安装",
        "会员积分", "优惠券", "订单", "支付", "账户", "收货地址", "价格保护", "预售", "赠品", "包装", "质量问题",
        "尺码", "缺货", "到货通知", "延保服务", "以旧换新", "分期付款", "企业采购", "对公转账", "增值税专用发票",
        "电子发票", "售后服务", "客服热线", "投诉", "实名认证", "发货时间", "签收", "拒收", "快递丢件", "包装破损",
        "少件", "错发漏发", "运费险", "七天无理由退货", "十五天换货", "一年保修", "上门取件", "门店自提",
        "退款到账", "物流查询", "取消订单", "修改地址", "安装服务", "理赔", "发票抬头", "会员等级", "生日礼包"};
    static final String[] ZH_PRODUCTS = {"手机", "笔记本电脑", "平板", "耳机", "智能手表", "冰箱", "洗衣机", "空调",
        "电视", "吸尘器", "咖啡机", "电饭煲", "床垫", "沙发", "运动鞋", "羽绒服", "儿童座椅", "婴儿车", "护肤品",
        "奶粉", "茶叶", "打印机", "显示器", "路由器", "充电器", "数据线", "移动电源", "相机", "镜头", "自行车",
        "iPhone", "iPad", "MacBook", "Kindle", "Switch"};
    static final String[] ZH_CONDITIONS = {"签收后", "拆封后", "激活后", "收到商品后", "下单后", "付款成功后",
        "审核通过后", "商品寄回后", "发货前", "活动期间", "如果您是VIP会员", "企业客户", "对于定制商品",
        "对于生鲜和贴身衣物", "如商品存在质量问题", "如包装完好且配件齐全", "若影响二次销售"};
    static final String[] ZH_ACTIONS = {"可以在订单详情页申请", "请联系在线客服", "请拨打客服热线", "请保留购买凭证",
        "需要提供照片和订单号", "系统将自动审核", "款项将原路退回", "我们会安排快递上门取件", "请使用App提交申请",
        "请在SKU页面查看说明", "可以下载PDF版电子发票", "积分将在确认收货后发放", "优惠券不予退还",
        "运费由我们承担", "运费需由您自行承担", "请勿自行拆修", "维修期间可申请备用机", "不支持七天无理由退货",
        "支持以旧换新", "可享受价格保护", "请填写正确的发票抬头和税号", "需要实名认证"};
    static final String[] ZH_TIMES = {"1个工作日内", "3个工作日内", "5到7个工作日", "24小时内", "48小时内",
        "7天内", "15天内", "30天内", "一年内", "当天"};
    static final String[] ZH_TITLE_ENDS = {"流程", "说明", "常见问题", "政策", "规则", "指南", "注意事项", "怎么办",
        "需要多久", "如何申请"};

    static final String[] EN_TOPICS = {"return", "exchange", "refund", "invoice", "VAT invoice", "shipping",
        "delivery", "warranty", "repair", "installation", "loyalty points", "coupon code", "order", "payment",
        "account", "shipping address", "price protection", "pre-order", "gift", "packaging", "quality issue",
        "size", "out of stock", "trade in", "instalments", "business purchase", "bank transfer", "complaint",
        "lost parcel", "damaged package", "missing item", "wrong item", "return label", "shipping delay",
        "pickup", "store pickup", "cancel order", "change address", "claim", "membership tier", "birthday gift"};
    static final String[] EN_PRODUCTS = {"phone", "laptop", "tablet", "headphones", "smart watch", "fridge",
        "washing machine", "air conditioner", "TV", "vacuum cleaner", "coffee machine", "rice cooker", "mattress",
        "sofa", "running shoes", "down jacket", "child seat", "stroller", "skin care", "printer", "monitor",
        "router", "charger", "camera", "lens", "bicycle", "iPhone", "iPad", "MacBook"};
    static final String[] EN_CONDITIONS = {"After delivery", "Once the parcel is opened", "After activation",
        "When you receive the item", "After you place the order", "Once the payment is confirmed",
        "After approval", "Once the item is back with us", "Before shipping", "During a promotion",
        "If you are a VIP member", "For business customers", "For custom-made items", "If the item is faulty",
        "If the packaging is intact and all accessories are included"};
    static final String[] EN_ACTIONS = {"you can request it on the order page", "please contact live chat",
        "call our service hotline", "keep your proof of purchase", "send photos and the order number",
        "the system checks the request automatically", "the money goes back to the original payment method",
        "a courier picks the parcel up at your door", "submit the request in the App",
        "see the SKU page for details", "download the PDF invoice", "points are added once delivery is confirmed",
        "coupons are not refunded", "we pay the shipping", "you pay the return shipping",
        "do not open or repair the device yourself", "ask for a replacement device during the repair",
        "the 7-day no-reason return does not apply", "trade in is available", "price protection applies",
        "enter the right company name and tax number", "identity verification is required"};
    static final String[] EN_TIMES = {"within 1 working day", "within 3 working days", "in 5 to 7 working days",
        "within 24 hours", "within 48 hours", "within 7 days", "within 15 days", "within 30 days",
        "within one year", "on the same day"};
    static final String[] EN_TITLE_STARTS = {"How to", "Can I", "When will I get", "What if", "Rules for",
        "Guide:", "FAQ:", "Policy:"};

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "search" -> search(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
            case "article" -> {
                Generated article = article(Integer.parseInt(args[1]));
                System.out.println(article.language + " " + article.tags + "\n" + article.title + "\n" + article.body);
            }
            default -> throw new IllegalArgumentException("load, search or article: " + args[0]);
        }
    }

    record Generated(String title, String body, String language, List<String> tags) {

        String json() {
            var tagList = new ArrayList<String>();
            tags.forEach(tag -> tagList.add(quote(tag)));
            return "{\"title\":" + quote(title) + ",\"body\":" + quote(body) + ",\"language\":" + quote(language)
                    + ",\"tags\":[" + String.join(",", tagList) + "]}";
        }
    }

    /** Article n, the same on every run. */
    static Generated article(int n) {
        var random = new Random(1_000_003L * n + 11);
        boolean chinese = random.nextInt(10) < 7;
        String title = chinese ? chineseTitle(random) : englishTitle(random);
        // whole sentences up to a length between 200 and about 1,950 characters; never more than 2,000
        int length = 200 + random.nextInt(1_750);
        var body = new StringBuilder();
        while (body.length() < length) {
            if (body.length() > 0 && random.nextInt(6) == 0) {
                body.append("\n\n");
            }
            body.append(chinese ? chineseSentence(random) : englishSentence(random));
        }
        String text = body.length() > 2_000 ? body.substring(0, 2_000) : body.toString();
        var tags = new ArrayList<String>();
        String[] topics = chinese ? ZH_TOPICS : EN_TOPICS;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String tag = pick(random, topics);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return new Generated(title, text.strip(), chinese ? "zh-CN" : "en", tags);
    }

    private static String chineseTitle(Random random) {
        String title = switch (random.nextInt(4)) {
            case 0 -> pick(random, ZH_PRODUCTS) + pick(random, ZH_TOPICS) + pick(random, ZH_TITLE_ENDS);
            case 1 -> pick(random, ZH_TOPICS) + pick(random, ZH_TITLE_ENDS);
            case 2 -> "VIP会员" + pick(random, ZH_TOPICS) + pick(random, ZH_TITLE_ENDS);
            default -> pick(random, ZH_CONDITIONS) + pick(random, ZH_TOPICS) + pick(random, ZH_TITLE_ENDS);
        };
        return fit(title, random);
    }

    private static String englishTitle(Random random) {
        String title = switch (random.nextInt(3)) {
            case 0 -> pick(random, EN_TITLE_STARTS) + " " + pick(random, EN_TOPICS);
            case 1 -> capital(pick(random, EN_TOPICS)) + " for " + pick(random, EN_PRODUCTS);
            default -> capital(pick(random, EN_PRODUCTS)) + " " + pick(random, EN_TOPICS);
        };
        return fit(title, random);
    }

    /** A title of 5 to 30 characters. */
    private static String fit(String title, Random random) {
        String fitted = title.length() > 30 ? title.substring(0, 30).strip() : title;
        return fitted.length() < 5 ? fitted + " " + (random.nextInt(90) + 10) + "号" : fitted;
    }

    private static String chineseSentence(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, ZH_CONDITIONS) + "，" + pick(random, ZH_PRODUCTS) + pick(random, ZH_TOPICS)
                    + pick(random, ZH_ACTIONS) + "。";
            case 1 -> pick(random, ZH_TOPICS) + "申请" + pick(random, ZH_TIMES) + "处理，" + pick(random, ZH_ACTIONS)
                    + "。";
            case 2 -> "关于" + pick(random, ZH_PRODUCTS) + "的" + pick(random, ZH_TOPICS) + "："
                    + pick(random, ZH_CONDITIONS) + "，" + pick(random, ZH_ACTIONS) + "，" + pick(random, ZH_TIMES)
                    + "完成。";
            default -> "订单号" + (100000 + random.nextInt(900000)) + "的客户咨询" + pick(random, ZH_TOPICS) + "，"
                    + pick(random, ZH_ACTIONS) + "。";
        };
    }

    private static String englishSentence(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, EN_CONDITIONS) + ", for a " + pick(random, EN_PRODUCTS) + " "
                    + pick(random, EN_TOPICS) + " " + pick(random, EN_ACTIONS) + ". ";
            case 1 -> capital(pick(random, EN_TOPICS)) + " requests are handled " + pick(random, EN_TIMES) + "; "
                    + pick(random, EN_ACTIONS) + ". ";
            case 2 -> "About " + pick(random, EN_TOPICS) + " for a " + pick(random, EN_PRODUCTS) + ": "
                    + pick(random, EN_CONDITIONS).toLowerCase() + ", " + pick(random, EN_ACTIONS) + ", "
                    + pick(random, EN_TIMES) + ". ";
            default -> "A customer with order " + (100000 + random.nextInt(900000)) + " asks about "
                    + pick(random, EN_TOPICS) + ": " + pick(random, EN_ACTIONS) + ". ";
        };
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Writes and publishes articles 0 to count - 1, the clients taking the next number in turn. */
    static void load(String url, String token, int count, int clients) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        var workers = new ArrayList<Future<?>>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    String created = send(http, token, "POST", url + "/api/v1/knowledge/articles",
                            article(n).json(), 201);
                    Matcher id = ID.matcher(created);
                    if (!id.find()) {
                        throw new IllegalStateException("no id in " + created);
                    }
                    send(http, token, "POST", url + "/api/v1/knowledge/articles/" + id.group(1) + "/publish",
                            "{\"version\":0}", 200);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("loaded %d articles with %d clients in %.1f s: %.1f articles/s "
                + "(a create and a publish each)%n", count, clients, seconds, count / seconds);
    }

    /** Warm-up searches, then the measured ones, going round the queries one after the other. */
    static void search(String url, String token, int warmup, int requests, String mark) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < warmup; i++) {
            send(http, token, "GET", searchUrl(url, QUERIES.get(i % QUERIES.size()), null), null, 200);
        }
        long[] micros = new long[requests];
        int[] hits = new int[QUERIES.size()];
        for (int i = 0; i < requests; i++) {
            String query = QUERIES.get(i % QUERIES.size());
            long started = System.nanoTime();
            String answer = send(http, token, "GET", searchUrl(url, query, mark), null, 200);
            micros[i] = (System.nanoTime() - started) / 1_000;
            hits[i % QUERIES.size()] = count(answer, "\"score\":");
        }
        var found = new ArrayList<String>();
        for (int q = 0; q < QUERIES.size(); q++) {
            found.add(QUERIES.get(q) + " " + hits[q]);
        }
        System.out.println("hits per query (of at most 20): " + String.join(", ", found));
        Arrays.sort(micros);
        System.out.printf("client: %d searches, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", requests,
                at(micros, 0.50), at(micros, 0.95), at(micros, 0.99), micros[requests - 1] / 1000.0);
    }

    private static String searchUrl(String url, String query, String mark) {
        return url + "/api/v1/knowledge/articles?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (mark == null ? "" : "&m=" + mark);
    }

    private static String send(HttpClient http, String token, String method, String url, String json, int expected)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            found++;
        }
        return found;
    }

    private static double at(long[] sorted, double share) {
        return sorted[(int) Math.ceil(share * sorted.length) - 1] / 1000.0;
    }

    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
