<?xml version="1.0" encoding="UTF-8"?>
<!--
  pubharvest feed stylesheet: shows an RSS 2.0 or Atom 1.0 feed as a readable page when
  the feed is opened in a browser. Feed readers ignore it. XSLT 1.0, no JavaScript, no
  external resources. Summaries are HTML sanitized by pubharvest before they reach the feed.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">

  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="rss/channel">
        <xsl:call-template name="page">
          <xsl:with-param name="title" select="rss/channel/title"/>
          <xsl:with-param name="description" select="rss/channel/description"/>
          <xsl:with-param name="home" select="rss/channel/link"/>
          <xsl:with-param name="self" select="rss/channel/atom:link[@rel='self']/@href"/>
          <xsl:with-param name="format" select="'RSS'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="page">
          <xsl:with-param name="title" select="atom:feed/atom:title"/>
          <xsl:with-param name="description" select="atom:feed/atom:subtitle"/>
          <xsl:with-param name="home" select="atom:feed/atom:link[@rel='alternate']/@href"/>
          <xsl:with-param name="self" select="atom:feed/atom:link[@rel='self']/@href"/>
          <xsl:with-param name="format" select="'Atom'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="home"/>
    <xsl:param name="self"/>
    <xsl:param name="format"/>
    <!-- The index page, relative to the feed: links in the feed may be file: URLs (no
         base_url set), which a page served over HTTP cannot follow. -->
    <xsl:variable name="index">
      <xsl:choose>
        <xsl:when test="contains($self, '/feeds/all/')">../../index.html</xsl:when>
        <xsl:when test="contains($self, '/feeds/')">../../../index.html</xsl:when>
        <xsl:otherwise><xsl:value-of select="$home"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'unsafe-inline'; img-src https: http:"/>
        <title><xsl:value-of select="$title"/> (<xsl:value-of select="$format"/> feed)</title>
        <style>
          body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:50rem;padding:0 1rem;color:#1a1a1a}
          a{color:#0645ad}a:focus{outline:3px solid #f90}
          .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
          .about{background:#fff8e1;border:1px solid #e6c200;padding:.5rem 1rem;border-radius:4px}
          code{word-break:break-all}
          ol.entries{padding-left:1.2rem}ol.entries li{margin:1.2rem 0}
          h2{font-size:1.1rem;margin:0}.meta{color:#555;font-size:.9rem;margin:.2rem 0}
          .summary img{max-width:100%;height:auto}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">Skip to the entries</a>
        <header>
          <p class="about">This is a web feed (<xsl:value-of select="$format"/>). To subscribe,
            copy its address into your feed reader:
            <code><xsl:value-of select="$self"/></code></p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$description"/></p>
          <nav aria-label="Feeds"><p><a href="{$index}">All feeds and topics</a></p></nav>
        </header>
        <main id="main">
          <ol class="entries">
            <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <article>
        <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
        <p class="meta">
          <xsl:if test="pubDate">
            <time><xsl:value-of select="substring(pubDate, 6, 11)"/></time>
          </xsl:if>
          <xsl:if test="dc:creator">
            <xsl:text> · By </xsl:text>
            <xsl:for-each select="dc:creator">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="."/>
            </xsl:for-each>
          </xsl:if>
          <xsl:call-template name="categories"/>
        </p>
        <div class="summary">
          <xsl:value-of select="description" disable-output-escaping="yes"/>
        </div>
      </article>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <article>
        <h2>
          <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
        </h2>
        <p class="meta">
          <xsl:if test="atom:published">
            <time datetime="{atom:published}">
              <xsl:value-of select="substring(atom:published, 1, 10)"/>
            </time>
          </xsl:if>
          <xsl:if test="atom:author">
            <xsl:text> · By </xsl:text>
            <xsl:for-each select="atom:author">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="atom:name"/>
            </xsl:for-each>
          </xsl:if>
          <xsl:call-template name="categories"/>
        </p>
        <div class="summary">
          <xsl:value-of select="atom:summary" disable-output-escaping="yes"/>
        </div>
      </article>
    </li>
  </xsl:template>

  <xsl:template name="categories">
    <xsl:for-each select="category | atom:category">
      <xsl:text> · </xsl:text>
      <xsl:value-of select="normalize-space(concat(., @term))"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
