package com.tierdesk.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.AuditEvent;
import com.tierdesk.security.AuditLog;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Repeated failed sign-ins slow down, then lock the account or the address, with the default limits: a wait after
 * 5 failures to an account (20 from an address), a 15-minute lock after 10 (50 from an address). Each test uses its
 * own client address. Earlier failures are laid down by throttles reading a fixed time, as another instance at
 * another moment would; the requests then meet them at the real time.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessTime time;

    @Autowired
    SignInThrottleSettings settings;

    TestAccounts testAccounts;
    String address;

    @BeforeEach
    void aFreshAddress() {
        testAccounts = new TestAccounts(accounts, tokens);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    @Test
    void fiveFailuresMakeTheNextAttemptWaitWithoutLookingAtThePassword() throws Exception {
        UserAccount agent = testAccounts.person(Role.AGENT);
        for (int failure = 1; failure <= 5; failure++) {
            signIn(agent.username(), "wrong " + failure).andExpect(redirectedTo("/login?error"));
        }
        signIn(agent.username(), TestAccounts.PASSWORD).andExpect(redirectedTo("/login?wait=1"));
    }

    @Test
    void theTenthFailureLocksTheAccountForAQuarterOfAnHourAndTheLockIsAudited() throws Exception {
        UserAccount admin = testAccounts.person(Role.ADMIN);
        failSignIns(admin.username(), 9, Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(1));

        signIn(admin.username(), "wrong 10").andExpect(redirectedTo("/login?locked=account&minutes=15"));
        signIn(admin.username(), TestAccounts.PASSWORD).andExpect(redirectedTo("/login?locked=account&minutes=15"));

        assertThat(locks("SIGN_IN_LOCKED", "account:" + admin.username())).singleElement()
                .satisfies(lock -> assertThat(lock.detail()).startsWith("10 failed sign-ins; locked until"));
    }

    @Test
    void whenTheLockIsOverTheRightPasswordSignsInAndTheCountStartsAgain() throws Exception {
        UserAccount supervisor = testAccounts.person(Role.SUPERVISOR);
        failSignIns(supervisor.username(), 10, Instant.now().minus(Duration.ofMinutes(30)), Duration.ofSeconds(40));

        signIn(supervisor.username(), TestAccounts.PASSWORD).andExpect(authenticated().withUsername(supervisor.username()));

        for (int failure = 1; failure <= 5; failure++) {
            signIn(supervisor.username(), "wrong").andExpect(redirectedTo("/login?error"));
        }
    }

    @Test
    void aSuccessfulSignInStartsTheAccountsCountAgain() throws Exception {
        UserAccount agent = testAccounts.person(Role.AGENT);
        for (int round = 0; round < 3; round++) {
            for (int failure = 1; failure <= 4; failure++) {
                signIn(agent.username(), "wrong").andExpect(redirectedTo("/login?error"));
            }
            signIn(agent.username(), TestAccounts.PASSWORD).andExpect(authenticated());
        }
    }

    @Test
    void parallelGuessesCannotSlipPastTheCount() throws Exception {
        UserAccount supervisor = testAccounts.person(Role.SUPERVISOR);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int guess = 0; guess < 16; guess++) {
                Callable<String> attempt = () -> signIn(supervisor.username(), "guess").andReturn().getResponse().getRedirectedUrl();
                answers.add(threads.submit(attempt));
            }
            List<String> redirects = new ArrayList<>();
            for (Future<String> answer : answers) {
                redirects.add(answer.get());
            }
            assertThat(redirects).filteredOn("/login?error"::equals).hasSize(settings.accountDelayAfter());
            assertThat(redirects).filteredOn(url -> url.startsWith("/login?wait=")).hasSize(16 - settings.accountDelayAfter());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void oneAddressTryingManyNamesIsLockedAndOnlyThatAddress() throws Exception {
        UserAccount qa = testAccounts.person(Role.QA);
        Instant start = Instant.now().minus(Duration.ofMinutes(50));
        for (int failure = 0; failure < 49; failure++) {
            SignInThrottle instance = throttleAt(start.plus(Duration.ofMinutes(failure)));
            String name = "guess-" + UUID.randomUUID();
            assertThat(instance.admitSignIn(name, address)).isEmpty();
            instance.signInFailed(name, address);
        }

        signIn("no such\u0000name", "password").andExpect(redirectedTo("/login?locked=address&minutes=15"));
        signIn(qa.username(), TestAccounts.PASSWORD).andExpect(redirectedTo("/login?locked=address&minutes=15"));
        mvc.perform(post("/login").param("username", qa.username()).param("password", TestAccounts.PASSWORD).with(csrf())
                .with(from("10.255.255.254"))).andExpect(authenticated());
        assertThat(locks("SIGN_IN_LOCKED", "address:" + address)).hasSize(1);
    }

    @Test
    void invalidApiTokensFromOneAddressAreSlowedDownThenLocked() throws Exception {
        IssuedToken valid = testAccounts.token(testAccounts.service(Role.AGENT), Role.AGENT);
        for (int failure = 1; failure <= 20; failure++) {
            me("tdk_guessguessgu_" + UUID.randomUUID() + "abcdefgh").andExpect(status().isUnauthorized());
        }
        me(valid.plaintext()).andExpect(status().isTooManyRequests()).andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.detail").value(containsString("try again in 1 s")))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.slowed"));
        me(valid.plaintext(), "zh-CN").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.title").value("请求过多"))
                .andExpect(jsonPath("$.detail").value(containsString("请在 1 秒后重试")));

        SignInThrottle earlier = throttleAt(Instant.now().minus(Duration.ofMinutes(5)));
        for (int failure = 21; failure <= 49; failure++) {
            earlier.tokenFailed(address);
        }
        me("not a token").andExpect(status().isUnauthorized());
        me(valid.plaintext()).andExpect(status().isTooManyRequests()).andExpect(header().string(HttpHeaders.RETRY_AFTER, "900"))
                .andExpect(jsonPath("$.detail").value(containsString("tokens from it are refused until")))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.locked"));
        me(valid.plaintext(), "zh-CN").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("之前拒绝来自该地址的令牌")));
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(valid)).with(from("10.255.255.253")))
                .andExpect(status().isOk());
        assertThat(locks("API_TOKENS_LOCKED", "address:" + address)).singleElement()
                .satisfies(lock -> assertThat(lock.detail()).startsWith("50 invalid API tokens"));
    }

    @Test
    void aTokenLockEndsByItself() throws Exception {
        IssuedToken valid = testAccounts.token(testAccounts.service(Role.AGENT), Role.AGENT);
        SignInThrottle earlier = throttleAt(Instant.now().minus(Duration.ofMinutes(16)));
        for (int failure = 1; failure <= settings.addressLockAfter(); failure++) {
            earlier.tokenFailed(address);
        }
        assertThat(earlier.checkToken(address)).hasValueSatisfying(hold -> assertThat(hold.locked()).isTrue());

        me(valid.plaintext()).andExpect(status().isOk());
    }

    @Test
    void instancesShareTheCountsThroughTheDatabase() {
        Instant now = Instant.now();
        var one = throttleAt(now);
        var another = throttleAt(now);
        String name = "shared-" + UUID.randomUUID();

        for (int failure = 1; failure <= 5; failure++) {
            SignInThrottle instance = failure % 2 == 0 ? one : another;
            assertThat(instance.admitSignIn(name, address)).isEmpty();
            assertThat(instance.signInFailed(name, address)).isEmpty();
        }

        assertThat(one.admitSignIn(name, address)).hasValueSatisfying(hold -> {
            assertThat(hold.locked()).isFalse();
            assertThat(hold.until()).isEqualTo(now.truncatedTo(ChronoUnit.MICROS).plus(settings.firstDelay()));
        });
        assertThat(another.admitSignIn(name, address)).hasValueSatisfying(hold -> assertThat(hold.kind()).isEqualTo(SignInThrottle.Kind.ACCOUNT));
    }

    @Test
    void theLoginPageSaysWhyInChineseAndEnglish() throws Exception {
        mvc.perform(get("/login").param("locked", "account").param("minutes", "15"))
                .andExpect(content().string(containsString("该账户登录失败次数过多，已锁定，15 分钟后可再试。")));
        mvc.perform(get("/login").param("locked", "address").param("minutes", "3").param("lang", "en"))
                .andExpect(content().string(containsString("Too many failed sign-ins from your network address: signing in from it is locked for 3 more minutes.")));
        mvc.perform(get("/login").param("wait", "4").param("lang", "en"))
                .andExpect(content().string(containsString("Too many failed sign-ins. Wait 4 seconds, then try again.")));
        mvc.perform(get("/login").param("wait", "4"))
                .andExpect(content().string(containsString("登录失败次数过多，请等待 4 秒后再试。")));
    }

    @Test
    void countsThatNoLongerMatterArePurged() {
        String name = "forgotten-" + UUID.randomUUID();
        SignInThrottle longAgo = throttleAt(Instant.now().minus(settings.forgetAfter()).minusSeconds(60));
        longAgo.admitSignIn(name, address);
        longAgo.signInFailed(name, address);

        assertThat(throttleAt(Instant.now()).purge()).isPositive();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_attempt WHERE subject = ?").param(name).query(Long.class).single()).isZero();
    }

    /** Failed sign-ins to one account from this test's address, laid down one {@code apart} from {@code first} on. */
    private void failSignIns(String account, int count, Instant first, Duration apart) {
        for (int failure = 0; failure < count; failure++) {
            SignInThrottle instance = throttleAt(first.plus(apart.multipliedBy(failure)));
            assertThat(instance.admitSignIn(account, address)).as("failure %d", failure + 1).isEmpty();
            instance.signInFailed(account, address);
        }
    }

    /** The throttle as an instance whose clock reads {@code instant} sees it. */
    private SignInThrottle throttleAt(Instant instant) {
        return new SignInThrottle(jdbc, audit, new BusinessTime(Clock.fixed(instant, ZoneOffset.UTC), time.zone()), settings);
    }

    private ResultActions signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)));
    }

    private ResultActions me(String token) throws Exception {
        return me(token, "en");
    }

    private ResultActions me(String token, String language) throws Exception {
        return mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language).with(from(address)));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static ResultMatcher redirectedTo(String url) {
        return (MvcResult result) -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(url);
    }

    private List<AuditEvent> locks(String action, String subject) {
        return audit.recent(500).stream().filter(event -> event.action().equals(action) && event.subject().equals(subject)).toList();
    }
}
