package com.tierdesk.demo;

import com.tierdesk.knowledge.ArticleDraft;
import com.tierdesk.knowledge.TemplateDraft;
import java.util.List;

/**
 * The demo's knowledge base: articles in Chinese and English on what the demo's tickets ask about (shipping, invoices,
 * membership, returns and exchanges, refunds, damaged goods, logins, payments), a few of them still drafts, and quick
 * replies with variables for the usual answers.
 */
final class DemoKnowledge {

    /** An article, published for agents or left a draft. */
    record DemoArticle(ArticleDraft draft, boolean published) {
    }

    static final List<DemoArticle> ARTICLES = List.of(
            published("退换货政策说明", """
                    # 可以退换货的期限
                    - 普通会员：付款后 7 天内
                    - 重点客户：付款后 15 天内
                    - VIP：付款后 30 天内，并免退货运费
                    # 如何申请
                    客户可在“退换货申请”页面输入订单号和下单邮箱或手机号，收到验证码后选择商品和原因。
                    客服也可以在工单中代客户登记。申请须在 24 小时内作出受理决定。""", "zh-CN", "rma", "return"),
            published("七天无理由退货的条件", """
                    商品未使用、吊牌和包装完好、配件齐全时，付款后 7 天内可无理由退货。
                    - 已使用、影响二次销售的商品不适用
                    - 定制商品、生鲜食品不适用
                    退货运费由客户承担，VIP 客户除外。""", "zh-CN", "return"),
            published("尺码不合适如何换货", """
                    # 换货步骤
                    - 在退换货申请中选择“换货”并注明需要的尺码
                    - 受理后按短信中的地址寄回原商品
                    - 仓库检验通过后发出新尺码
                    同款同价的尺码或颜色可直接换货，补差价的请先退货再下单。""", "zh-CN", "exchange", "size"),
            published("退款多久到账", """
                    检验通过后当天提交退款：
                    - 支付宝、微信支付：1–3 个工作日
                    - 银行卡：3–7 个工作日
                    退款金额会从客户近 12 个月消费额中扣除。超过 7 个工作日仍未到账，请提供订单号联系客服核实。""",
                    "zh-CN", "refund"),
            published("商品破损或错发的处理", """
                    收到的商品破损、少件或与订单不符时：
                    - 请在签收后 48 小时内拍照留证
                    - 在退换货申请中选择原因并上传照片
                    破损和错发的退货运费由我们承担，可优先补发或全额退款。""", "zh-CN", "return", "damaged"),
            published("发货时间说明", """
                    现货商品付款后 24 小时内发货，预售商品以商品页标注为准。
                    VIP 客户订单优先处理，平均 30 分钟内完成出库。节假日发货时间顺延。""", "zh-CN", "shipping"),
            published("物流延迟怎么办", """
                    物流信息超过 48 小时未更新时，客服会联系快递公司核实。
                    如包裹丢失，我们将补发或全额退款，客户无需承担任何费用。""", "zh-CN", "shipping", "delay"),
            published("如何申请发票", """
                    订单完成后可在“我的订单”中申请电子发票，开票信息提交后 1 个工作日内发送到下单邮箱。
                    需要增值税专用发票的企业客户，请在工单中提供开票资料。""", "zh-CN", "invoice"),
            published("会员等级与权益", """
                    # 会员等级
                    - VIP：专属客户经理、30 天退换货、免退货运费、9 折优惠额度
                    - 重点客户：15 天退换货、95 折优惠额度
                    - 普通会员：7 天退换货
                    等级按近 12 个月的消费、频次和互动每月评定一次。""", "zh-CN", "membership", "tier"),
            published("App 无法登录的排查", """
                    - 确认使用的是注册时的手机号或邮箱
                    - 连续输错 5 次密码会锁定 15 分钟
                    - 清除 App 缓存或重新安装后再试
                    仍无法登录时，请提供手机型号和截图，由技术支持跟进。""", "zh-CN", "login", "app"),
            published("订单状态不更新", """
                    支付成功后订单状态通常在 5 分钟内更新。长时间显示“待付款”时，请勿重复付款，
                    提供支付凭证后客服会人工核实并更新。""", "zh-CN", "order", "payment"),
            published("Return and exchange policy", """
                    # Return window
                    - Regular members: within 7 days of payment
                    - Key customers: within 15 days
                    - VIP: within 30 days, return shipping paid by us
                    # How to ask
                    Use the returns page with your order number and the email or phone on the order, or ask an agent.
                    Every request gets a decision within 24 hours.""", "en", "rma", "return"),
            published("How to return a damaged item", """
                    If an item arrives damaged or wrong, take photos within 48 hours of delivery and request a return
                    with the reason. We pay the return shipping and send a replacement or refund in full.""",
                    "en", "return", "damaged"),
            published("When will my refund arrive?", """
                    Refunds are issued on the day the returned goods pass inspection:
                    - Alipay and WeChat Pay: 1-3 working days
                    - Bank cards: 3-7 working days
                    If nothing has arrived after 7 working days, send us the order number.""", "en", "refund"),
            published("Invoice requests", """
                    Electronic invoices can be requested under My orders once the order is complete; they reach the
                    order's email within one working day. Companies needing a special VAT invoice send their details
                    in a ticket.""", "en", "invoice"),
            published("Warranty questions", """
                    Electronics carry a one-year manufacturer warranty from the delivery date. Keep the invoice;
                    faults within the first 15 days are exchanged at once, later ones are repaired.""",
                    "en", "warranty"),
            published("Payment page errors", """
                    If the payment page shows an error, do not pay twice. Wait five minutes and check the order
                    status; if money left your account but the order still waits for payment, send us the payment
                    receipt and we will match it by hand.""", "en", "payment"),
            draft("换货补差价流程", """
                    换购更贵的款式时的补差价方式，待财务确认后发布。""", "zh-CN", "exchange"),
            draft("加急发货服务说明", """
                    加急发货的收费标准和可用地区，待物流部门确认。""", "zh-CN", "shipping", "urgent"),
            draft("Cancelling an order before it ships", """
                    Orders can be cancelled until they leave the warehouse; the refund follows within a day. To be
                    confirmed with finance before it is published.""", "en", "order", "cancel"));

    static final List<TemplateDraft> TEMPLATES = List.of(
            new TemplateDraft("退换货申请已收到", """
                    {{customer.name}}您好，您的退换货申请（工单 {{ticket.id}}）已收到，我们会尽快审核。
                    {{ticket.deadline}}。如有照片或补充说明，直接回复本工单即可。
                    —— {{agent.name}}""", "zh-CN"),
            new TemplateDraft("退款已处理", """
                    {{customer.name}}您好，工单 {{ticket.id}} 的退款已提交，支付宝和微信支付 1–3 个工作日到账，
                    银行卡 3–7 个工作日到账。感谢您的耐心！
                    —— {{agent.name}}""", "zh-CN"),
            new TemplateDraft("物流延迟致歉", """
                    {{customer.name}}您好，非常抱歉您的包裹延误了。我们已联系快递公司加急处理，
                    有新进展会第一时间在工单 {{ticket.id}} 中告知您。
                    —— {{agent.name}}""", "zh-CN"),
            new TemplateDraft("会员权益说明", """
                    {{customer.name}}您好，您目前是我们的{{customer.tier}}客户，可享受对应的退换货期限和优惠额度，
                    详情请见会员权益页面。有任何问题欢迎随时联系我们。
                    —— {{agent.name}}""", "zh-CN"),
            new TemplateDraft("Return request received", """
                    Dear {{customer.name}},
                    we have received your return request (ticket {{ticket.id}}: {{ticket.subject}}).
                    {{ticket.deadline}}. Reply to this message if you have photos or anything to add.
                    {{agent.name}}""", "en"),
            new TemplateDraft("Refund processed", """
                    Dear {{customer.name}},
                    the refund for ticket {{ticket.id}} is on its way: 1-3 working days to Alipay or WeChat Pay,
                    3-7 working days to a bank card.
                    {{agent.name}}""", "en"),
            new TemplateDraft("Shipping delay apology", """
                    Dear {{customer.name}},
                    we are sorry your parcel is late. We have asked the courier to hurry and will update ticket
                    {{ticket.id}} as soon as we hear back.
                    {{agent.name}}""", "en"),
            new TemplateDraft("Closing a solved ticket", """
                    Dear {{customer.name}},
                    we believe ticket {{ticket.id}} is solved. As a {{customer.tier}} customer you can reach us at
                    any time; just reply if anything is still open.
                    {{agent.name}}""", "en"));

    private DemoKnowledge() {
    }

    private static DemoArticle published(String title, String body, String language, String... tags) {
        return new DemoArticle(new ArticleDraft(title, body, language, List.of(tags)), true);
    }

    private static DemoArticle draft(String title, String body, String language, String... tags) {
        return new DemoArticle(new ArticleDraft(title, body, language, List.of(tags)), false);
    }
}
