package com.tierdesk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console shell shared by every module's pages: Chinese by default, English on {@code ?lang=en}
 * (remembered in a cookie), and the request path for the layout to highlight the current area.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("tierdesk-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var localeChange = new LocaleChangeInterceptor();
        localeChange.setParamName("lang");
        registry.addInterceptor(localeChange);
        registry.addInterceptor(new CurrentPathInterceptor());
    }

    private static final class CurrentPathInterceptor implements HandlerInterceptor {

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
            if (view != null && view.hasView() && !view.getViewName().startsWith("redirect:")) {
                view.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
            }
        }
    }
}
