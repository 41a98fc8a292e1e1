# One image recipe for every service; the module is a build argument. Build the jars first:
#   ./mvnw -DskipTests package && docker compose build
FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 backtrack
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-*.jar /app/service.jar
USER backtrack
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
