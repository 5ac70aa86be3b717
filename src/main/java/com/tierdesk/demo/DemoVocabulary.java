package com.tierdesk.demo;

import java.util.List;

/** Names, places and industries the demo customers are made of. */
final class DemoVocabulary {

    static final List<String> CHINESE_SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹");
    static final List<String> CHINESE_GIVEN = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晨", "浩然", "子涵", "欣怡", "梓轩",
            "思远", "雨桐", "一鸣", "佳怡", "宇航", "婷婷", "志强", "建华", "晓燕", "文博", "嘉怡", "俊杰");
    static final List<String> PINYIN_SURNAMES = List.of("wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao",
            "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song",
            "tang", "xu", "han", "feng", "deng", "cao");
    static final List<String> ENGLISH_FIRST = List.of("James", "Mary", "John", "Patricia", "Robert", "Jennifer",
            "Michael", "Linda", "David", "Elizabeth", "William", "Susan", "Emma", "Oliver", "Sophia", "Lucas", "Mia",
            "Ethan", "Chloe", "Daniel");
    static final List<String> ENGLISH_LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
            "Davis", "Wilson", "Taylor", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green");
    static final List<String> COMPANY_PLACES = List.of("上海", "北京", "深圳", "广州", "杭州", "苏州", "成都", "武汉",
            "南京", "西安", "天津", "重庆", "宁波", "厦门", "青岛");
    static final List<String> COMPANY_WORDS = List.of("华信", "鼎盛", "恒通", "瑞丰", "金桥", "远航", "新锐", "博达",
            "宏图", "卓越", "嘉禾", "天成", "中联", "汇智", "荣泰", "星辰", "东方", "明德");
    static final List<String> ENGLISH_COMPANY_WORDS = List.of("Acme", "Globex", "Northwind", "Pioneer", "Summit",
            "Bluewater", "Evergreen", "Silverline", "Redwood", "Brightway");
    static final List<String> REGIONS = List.of("上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "山东", "福建",
            "河南", "湖南", "陕西", "天津", "重庆", "辽宁");

    /**
     * Industry code, Chinese company suffix, the industry's order size factor (B2B buys bigger) and the yearly
     * growth in percent the demo shop's industry growth table starts with (illustrative figures, to be replaced).
     */
    record Industry(String code, String suffix, double orderSizeFactor, String growthPercent) {
    }

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("retail", "商贸有限公司", 1.0, "4.50"),
            new Industry("electronics", "电子科技有限公司", 2.5, "9.00"),
            new Industry("apparel", "服饰有限公司", 0.9, "2.00"),
            new Industry("food", "食品有限公司", 0.7, "5.50"),
            new Industry("manufacturing", "机械制造有限公司", 4.0, "3.00"),
            new Industry("software", "信息技术有限公司", 3.0, "14.00"),
            new Industry("logistics", "物流有限公司", 2.0, "6.50"),
            new Industry("healthcare", "医疗器械有限公司", 3.5, "11.00"),
            new Industry("education", "教育科技有限公司", 1.5, "7.00"),
            new Industry("cosmetics", "化妆品有限公司", 1.2, "8.00"));

    static final List<String> TAGS = List.of("newsletter", "wechat-follower", "app-user", "promotion-sensitive",
            "gift-buyer", "early-adopter", "bulk-buyer", "price-sensitive");
    static final List<String> PRODUCTS = List.of("A", "B", "C", "D");
    static final List<String> CHANNELS = List.of("phone", "chat", "email", "wechat", "web", "app");
    static final List<String> INQUIRY_SUBJECTS = List.of("发货时间咨询", "Invoice request", "产品使用咨询",
            "会员权益咨询", "Warranty question", "退换货政策咨询");
    static final List<String> COMPLAINT_SUBJECTS = List.of("物流延迟", "商品破损", "Wrong item delivered",
            "客服响应慢", "Refund not received", "质量问题");

    private DemoVocabulary() {
    }
}
