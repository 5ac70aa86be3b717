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
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console shell shared by every module's pages: Chinese by default, English on {@code ?lang=en}
 * (remembered in a cookie), the request path for the layout to highlight the current area, and the static files.
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

    /**
     * The console's styles and scripts, and the WebJars (htmx, Chart.js) by paths without their version, each under
     * its own path instead of Spring Boot's catch-all {@code /**} ({@code spring.web.resources.add-mappings=false}):
     * with the catch-all, the resource chain looked every link a page renders up as a possible file in the jar, and
     * those lookups took most of the time of a page with many links (a queue page of 20 tickets has about 100).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
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
